import "server-only";
import { sso } from "@better-auth/sso";
import { APIError } from "better-auth/api";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { joinThroughSso, ssoForProvider } from "@/db/queries/sso-sign-in";
import { env } from "@/lib/env";
import { inDomains } from "@/lib/sso/domains";
import { GROUPS_FIELD, groupsOf, roleForGroups } from "@/lib/sso/mapping";

// The one adapter around the auth library's single sign-on. Stave keeps each organisation's
// provider in the library's table (saved by the owner's settings page, not the library's
// endpoints) and decides itself who may sign in and with which role.

/** The library's endpoints for managing providers: owners manage theirs through Stave's settings page only. */
export const SSO_MANAGEMENT_PATHS = [
  "/sso/register",
  "/sso/update-provider",
  "/sso/delete-provider",
  "/sso/providers",
  "/sso/get-provider",
  "/sso/request-domain-verification",
  "/sso/verify-domain",
];

export const SSO_CALLBACK_PATH = "/sso/callback";

/** The origins of identity providers the operator allows on a private network or plain http. */
export function allowedSsoOrigins(): string[] {
  return (env().STAVE_SSO_ALLOW_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim().replace(/\/+$/, "").toLowerCase())
    .filter(Boolean);
}

export const domainRefused = (email: string) =>
  new APIError("FORBIDDEN", {
    code: "email_domain_not_allowed",
    message: `${email} is not in a domain this organisation's single sign-on allows.`,
  });

/**
 * Refuses, before anything is written, a person whose address is outside the provider's allowed
 * domains: called when the library is about to create the user and when it is about to start a session.
 */
export async function assertAllowedDomain(db: Db, providerId: string | undefined, email: string): Promise<void> {
  if (!providerId) return;
  const connection = await ssoForProvider(db, providerId);
  if (!connection || !inDomains(email, connection.domains)) throw domainRefused(email);
}

export async function emailOfUser(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email;
}

export function ssoPlugin(db: Db) {
  return sso({
    // An owner's allowed domains are the verified ones: a person of those domains who already has
    // a Stave account is linked to the provider's identity; nobody else is.
    domainVerification: { enabled: true },
    organizationProvisioning: { disabled: true },
    provisionUserOnEveryLogin: true,
    provisionUser: async ({ user, userInfo, provider }) => {
      const connection = await ssoForProvider(db, provider.providerId);
      if (!connection) return;
      const role = roleForGroups(groupsOf(userInfo, GROUPS_FIELD), connection.mapping, connection.defaultRole);
      await joinThroughSso(db, { organisationId: connection.organisationId, userId: user.id, email: user.email, role });
    },
  });
}
