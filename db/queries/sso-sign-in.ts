import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { systemActor } from "@/lib/actor";
import { roleLabels } from "@/lib/permissions";
import { emailDomain } from "@/lib/sso/domains";
import { roleAfterSignIn, type GroupRole, type SsoRole } from "@/lib/sso/mapping";
import type { Db } from "../client";
import { withTransaction } from "../transaction";
import { members, sessions, ssoDomains, ssoSettings, users } from "../schema";
import { recordAudit } from "./audit";

// Signing in through single sign-on happens before anyone is signed in: these reads and the one
// write are Stave's own (the system actor), keyed by the address's domain or the provider's id.

/** The single sign-on that claims the address's domain, if any. */
export async function ssoForEmail(db: Db, email: string): Promise<{ organisationId: string; providerId: string; passwordSignInOff: boolean } | undefined> {
  const [row] = await db
    .select({ organisationId: ssoSettings.organisationId, providerId: ssoSettings.providerId, passwordSignInOff: ssoSettings.passwordSignInOff })
    .from(ssoDomains)
    .innerJoin(ssoSettings, eq(ssoSettings.organisationId, ssoDomains.organisationId))
    .where(eq(ssoDomains.domain, emailDomain(email)));
  return row;
}

/**
 * Whether the password form must refuse this address: its domain's organisation turned password
 * sign-in off. Its owners keep their password, so a broken provider never locks the organisation out.
 */
export async function passwordSignInRefused(db: Db, email: string): Promise<boolean> {
  const connection = await ssoForEmail(db, email);
  if (!connection?.passwordSignInOff) return false;
  const [owner] = await db
    .select({ id: members.id })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.organisationId, connection.organisationId), eq(members.role, "owner"), eq(users.email, email)));
  return owner === undefined;
}

export type SsoConnection = { organisationId: string; domains: string[]; groupsClaim: string; defaultRole: SsoRole; mapping: GroupRole[] };

/** The organisation and rules behind a provider id (the one in its callback address). */
export async function ssoForProvider(db: Db, providerId: string): Promise<SsoConnection | undefined> {
  const [settings] = await db.select().from(ssoSettings).where(eq(ssoSettings.providerId, providerId));
  if (!settings) return undefined;
  const domains = await db.select({ domain: ssoDomains.domain }).from(ssoDomains).where(eq(ssoDomains.organisationId, settings.organisationId));
  return { ...settings, domains: domains.map((d) => d.domain) };
}

/**
 * A person signed in through the organisation's provider: they join it with the mapped role, or
 * their role follows the mapping (an owner stays owner). Their sessions without an organisation
 * start in this one. Audited when anything changes.
 */
export async function joinThroughSso(
  db: Db,
  { organisationId, userId, email, role }: { organisationId: string; userId: string; email: string; role: SsoRole },
) {
  const ctx = { organisationId, actor: systemActor("Single sign-on"), db };
  await withTransaction(ctx, async (ctx) => {
    const [current] = await ctx.db
      .select({ id: members.id, role: members.role })
      .from(members)
      .where(and(eq(members.organisationId, organisationId), eq(members.userId, userId)))
      .for("update");
    const next = roleAfterSignIn(current?.role, role);
    if (!current) {
      await ctx.db.insert(members).values({ organisationId, userId, role: next });
      await recordAudit(ctx, {
        action: "member.joined_sso",
        summary: `${email} joined through single sign-on as ${roleLabels[next]}`,
        detail: { userId, role: next },
      });
    } else if (current.role !== next) {
      await ctx.db.update(members).set({ role: next }).where(eq(members.id, current.id));
      await recordAudit(ctx, {
        action: "member.role_sso",
        summary: `${email} is now ${roleLabels[next]} (was ${roleLabels[current.role]}), as single sign-on's groups say`,
        detail: { userId, from: current.role, to: next },
      });
    }
    await ctx.db
      .update(sessions)
      .set({ activeOrganisationId: organisationId })
      .where(and(eq(sessions.userId, userId), isNull(sessions.activeOrganisationId)));
  });
}
