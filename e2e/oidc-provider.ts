import type { Server } from "node:http";
import type { Page } from "@playwright/test";
import Provider, { type Adapter, type AdapterPayload } from "oidc-provider";

// A real OpenID Connect provider for tests (the `oidc-provider` package): discovery, signed ID
// tokens, userinfo, PKCE and its own development sign-in pages, where any login is accepted and
// names the account. Accounts carry an e-mail, a name and a `groups` claim.

export type OidcAccount = { email: string; name: string; groups?: string[] };

export type OidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Lets the provider send people back to this address (Stave's callback for an organisation). */
  allowRedirect: (uri: string) => void;
  close: () => Promise<void>;
};

/** A provider on 127.0.0.1:`port`; `issuer` is what it calls itself (by default its own address). */
export async function startOidcProvider(port: number, accounts: OidcAccount[], issuer = `http://127.0.0.1:${port}`): Promise<OidcProvider> {
  const clientId = "stave";
  const clientSecret = "stave-client-secret-for-tests";
  const redirectUris = new Set<string>(["http://localhost/placeholder"]);
  const byLogin = new Map(accounts.map((a) => [a.email, a]));
  // Everything is kept in memory; the client is read afresh each time, so redirect URIs added later count.
  const memory = new Map<string, AdapterPayload>();
  const uids = new Map<string, string>();
  const adapter = (name: string): Adapter => {
    const key = (id: string) => `${name}:${id}`;
    return {
      async find(id) {
        if (name !== "Client") return memory.get(key(id));
        if (id !== clientId) return undefined;
        return {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [...redirectUris],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        };
      },
      async upsert(id, payload) {
        memory.set(key(id), payload);
        if (payload.uid) uids.set(key(payload.uid), id);
      },
      async findByUid(uid) {
        const id = uids.get(key(uid));
        return id ? memory.get(key(id)) : undefined;
      },
      async findByUserCode() {
        return undefined;
      },
      async consume(id) {
        const payload = memory.get(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        memory.delete(key(id));
      },
      async revokeByGrantId() {},
    };
  };
  const provider = new Provider(issuer, {
    adapter,
    cookies: { keys: ["oidc-provider-test-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = byLogin.get(id) ?? { email: id, name: id };
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name, groups: account.groups ?? [] }),
      };
    },
  });
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(port, "127.0.0.1", () => resolve(s));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    allowRedirect: (uri) => void redirectUris.add(uri),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Signs in at the provider's development pages as `login` and agrees to share the claims. */
export async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}
