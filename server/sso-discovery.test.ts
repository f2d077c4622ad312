import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { discoverIssuer } from "./sso-discovery";

const document = (issuer: string, extra: Record<string, unknown> = {}) => ({
  issuer,
  authorization_endpoint: `${issuer}/auth`,
  token_endpoint: `${issuer}/token`,
  jwks_uri: `${issuer}/jwks`,
  userinfo_endpoint: `${issuer}/me`,
  ...extra,
});

const answering = (status: number, body: unknown): typeof fetch =>
  (async () => new Response(typeof body === "string" ? body : JSON.stringify(body), { status })) as typeof fetch;

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).fieldErrors?.issuer).toEqual([(error as AppError).message]);
  return (error as AppError).message;
}

describe("checking an issuer when single sign-on is saved", () => {
  it("returns the provider's endpoints when the document names the same issuer", async () => {
    const found = await discoverIssuer("https://login.example.com/", [], answering(200, document("https://login.example.com")));
    expect(found).toMatchObject({
      issuer: "https://login.example.com",
      discoveryEndpoint: "https://login.example.com/.well-known/openid-configuration",
      tokenEndpoint: "https://login.example.com/token",
      tokenEndpointAuthentication: "client_secret_basic",
    });
    const post = await discoverIssuer(
      "https://a.example",
      [],
      answering(200, document("https://a.example", { token_endpoint_auth_methods_supported: ["client_secret_post"] })),
    );
    expect(post.tokenEndpointAuthentication).toBe("client_secret_post");
  });

  it("says which of the things that can be wrong is wrong", async () => {
    expect(await refusal(discoverIssuer("https://login.example.com", [], answering(200, document("https://other.example.com"))))).toMatch(
      /says its issuer is https:\/\/other.example.com, not https:\/\/login.example.com/,
    );
    expect(await refusal(discoverIssuer("https://login.example.com", [], answering(404, "nope")))).toMatch(/answered 404/);
    expect(await refusal(discoverIssuer("https://login.example.com", [], answering(200, "<html>")))).toMatch(/not an OpenID Connect discovery document/);
    expect(await refusal(discoverIssuer("https://login.example.com", [], answering(200, { issuer: "https://login.example.com" })))).toMatch(
      /lacks its authorization/,
    );
    const unreachable = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch;
    expect(await refusal(discoverIssuer("https://login.example.com", [], unreachable))).toMatch(/could not reach/);
  });

  it("reaches only public https issuers unless the operator allows the origin", async () => {
    const fine = answering(200, document("http://127.0.0.1:3455"));
    expect(await refusal(discoverIssuer("http://login.example.com", [], fine))).toMatch(/must start with https/);
    expect(await refusal(discoverIssuer("https://169.254.169.254", [], fine))).toMatch(/link-local/);
    expect(await refusal(discoverIssuer("https://10.0.0.5", [], fine))).toMatch(/private network.*STAVE_SSO_ALLOW_ORIGINS/);
    expect(await refusal(discoverIssuer("https://idp.internal", [], fine))).toMatch(/names a machine on a private network/);
    expect((await discoverIssuer("http://127.0.0.1:3455", ["http://127.0.0.1:3455"], fine)).issuer).toBe("http://127.0.0.1:3455");
  });
});
