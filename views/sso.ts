import "server-only";
import type { Ctx } from "@/db/context";
import { getSsoSettings } from "@/db/queries/sso";
import { env } from "@/lib/env";
import { providerIdOf } from "@/lib/sso/domains";
import { DEFAULT_GROUPS_CLAIM, DEFAULT_SSO_ROLE, SSO_ROLES } from "@/lib/sso/mapping";
import { roleLabels } from "@/lib/permissions";

/** The owner's single sign-on page: what is saved (never the secret), and the redirect URL to give the provider. */
export async function ssoView(ctx: Ctx) {
  const saved = await getSsoSettings(ctx);
  const baseURL = env().BETTER_AUTH_URL ?? `http://localhost:${env().PORT}`;
  return {
    redirectUri: `${baseURL.replace(/\/$/, "")}/api/auth/sso/callback/${providerIdOf(ctx.organisationId)}`,
    configured: saved !== null,
    form: {
      issuer: saved?.issuer ?? "",
      clientId: saved?.clientId ?? "",
      hasSecret: saved?.hasSecret ?? false,
      domains: saved?.domains.join(", ") ?? "",
      groupsClaim: saved?.groupsClaim ?? DEFAULT_GROUPS_CLAIM,
      defaultRole: saved?.defaultRole ?? DEFAULT_SSO_ROLE,
      mapping: saved?.mapping ?? [],
      passwordSignInOff: saved?.passwordSignInOff ?? false,
    },
    roles: SSO_ROLES.map((role) => ({ role, label: roleLabels[role] })),
  };
}
export type SsoView = Awaited<ReturnType<typeof ssoView>>;
