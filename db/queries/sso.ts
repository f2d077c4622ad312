import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { providerIdOf } from "@/lib/sso/domains";
import { GROUPS_FIELD, type GroupRole, type SsoRole } from "@/lib/sso/mapping";
import type { SaveSsoInput } from "@/lib/validation/sso";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { ssoDomains, ssoProviders, ssoSettings } from "../schema";
import { requirePermission } from "./access";
import { recordAudit } from "./audit";

/** What the auth library needs to reach the provider, as its discovery document said. */
export type DiscoveredOidc = { issuer: string; discoveryEndpoint: string; [endpoint: string]: unknown };

/** The organisation's single sign-on as its owner sees it: never the secret, only whether one is kept. */
export type SsoSettings = {
  providerId: string;
  issuer: string;
  clientId: string;
  hasSecret: boolean;
  domains: string[];
  groupsClaim: string;
  defaultRole: SsoRole;
  mapping: GroupRole[];
  passwordSignInOff: boolean;
};

type StoredOidc = { clientId?: string; clientSecret?: string } & Record<string, unknown>;
const parseOidc = (text: string | null): StoredOidc => (text ? (JSON.parse(text) as StoredOidc) : {});

async function storedProvider(ctx: Ctx) {
  const [row] = await ctx.db
    .select({ issuer: ssoProviders.issuer, oidcConfig: ssoProviders.oidcConfig })
    .from(ssoProviders)
    .where(eq(ssoProviders.providerId, providerIdOf(ctx.organisationId)));
  return row && { issuer: row.issuer, oidc: parseOidc(row.oidcConfig) };
}

/** The organisation's single sign-on, or null before its owner sets one up. */
export async function getSsoSettings(ctx: Ctx): Promise<SsoSettings | null> {
  requirePermission(ctx, "sso.manage");
  const [provider, [settings], domains] = await Promise.all([
    storedProvider(ctx),
    ctx.db.select().from(ssoSettings).where(eq(ssoSettings.organisationId, ctx.organisationId)),
    ctx.db.select({ domain: ssoDomains.domain }).from(ssoDomains).where(eq(ssoDomains.organisationId, ctx.organisationId)).orderBy(ssoDomains.domain),
  ]);
  if (!provider || !settings) return null;
  return {
    providerId: settings.providerId,
    issuer: provider.issuer,
    clientId: provider.oidc.clientId ?? "",
    hasSecret: Boolean(provider.oidc.clientSecret),
    domains: domains.map((d) => d.domain),
    groupsClaim: settings.groupsClaim,
    defaultRole: settings.defaultRole,
    mapping: settings.mapping,
    passwordSignInOff: settings.passwordSignInOff,
  };
}

const domainsTaken = (domains: string[]) =>
  new AppError("conflict", `${domains.join(", ")} ${domains.length === 1 ? "belongs" : "belong"} to another organisation's single sign-on.`, {
    domains: [
      `${domains.join(", ")} already ${domains.length === 1 ? "belongs" : "belong"} to another organisation's single sign-on: a domain can belong to one organisation only.`,
    ],
  });

/**
 * Saves the provider (as discovered from its issuer), the allowed domains, the mapping and the
 * password switch in one transaction. An empty secret keeps the saved one.
 */
export async function saveSsoSettings(ctx: Ctx, input: SaveSsoInput, discovered: DiscoveredOidc): Promise<void> {
  requirePermission(ctx, "sso.manage");
  if (ctx.actor.kind !== "member") throw new AppError("forbidden", "Only owners can set up the organisation's single sign-on.");
  const userId = ctx.actor.userId;
  const providerId = providerIdOf(ctx.organisationId);
  await withTransaction(ctx, async (ctx) => {
    const previous = await storedProvider(ctx);
    const clientSecret = input.clientSecret || previous?.oidc.clientSecret;
    if (!clientSecret)
      throw new AppError("invalid_input", "Enter the client secret.", { clientSecret: ["Enter the client secret your identity provider gave Stave."] });
    const taken = await ctx.db
      .select({ domain: ssoDomains.domain })
      .from(ssoDomains)
      .where(and(inArray(ssoDomains.domain, input.domains), ne(ssoDomains.organisationId, ctx.organisationId)));
    if (taken.length > 0) throw domainsTaken(taken.map((t) => t.domain));
    await ctx.db.delete(ssoDomains).where(eq(ssoDomains.organisationId, ctx.organisationId));
    await ctx.db.insert(ssoDomains).values(input.domains.map((domain) => ({ domain, organisationId: ctx.organisationId })));
    const oidcConfig = JSON.stringify({
      ...discovered,
      clientId: input.clientId,
      clientSecret,
      pkce: true,
      scopes: ["openid", "email", "profile"],
      mapping: { extraFields: { [GROUPS_FIELD]: input.groupsClaim } },
    });
    const provider = {
      issuer: discovered.issuer,
      oidcConfig,
      domain: input.domains.join(","),
      domainVerified: true,
      organizationId: ctx.organisationId,
      userId,
    };
    await ctx.db
      .insert(ssoProviders)
      .values({ providerId, ...provider })
      .onConflictDoUpdate({ target: ssoProviders.providerId, set: provider });
    const settings = {
      providerId,
      groupsClaim: input.groupsClaim,
      defaultRole: input.defaultRole,
      mapping: input.mapping,
      passwordSignInOff: input.passwordSignInOff,
      updatedAt: new Date(),
    };
    await ctx.db
      .insert(ssoSettings)
      .values({ organisationId: ctx.organisationId, ...settings })
      .onConflictDoUpdate({ target: ssoSettings.organisationId, set: settings });
    await recordAudit(ctx, {
      action: "organisation.sso_set",
      summary: `Single sign-on through ${discovered.issuer} for ${input.domains.join(", ")}${input.passwordSignInOff ? "; password sign-in off" : ""}`,
      detail: {
        issuer: discovered.issuer,
        clientId: input.clientId,
        secretChanged: Boolean(input.clientSecret),
        domains: input.domains,
        groupsClaim: input.groupsClaim,
        defaultRole: input.defaultRole,
        mapping: input.mapping,
        passwordSignInOff: input.passwordSignInOff,
      },
    });
  });
}
