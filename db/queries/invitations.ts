import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { AppError, notFoundError } from "@/lib/errors";
import { createdSummary, joinedSummary } from "@/lib/invitation-text";
import { invitationMail } from "@/lib/mail/invitation-mail";
import { assignableRoles, roleLabels, type Role } from "@/lib/permissions";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { inviteLinkTeams, inviteLinks, members, organisations, teamMembers, teams, users } from "../schema";
import { actorRoleNow, forbidden, requirePermission } from "./access";
import { recordAudit } from "./audit";
import { queueMail } from "./mail";

export const INVITE_DAYS = 7;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A team an invitation names; one archived since is skipped when the invitation is accepted. */
export type InvitedTeam = { id: string; name: string; archived: boolean };

export type OpenInvitation = { id: string; role: Role; createdAt: Date; expiresAt: Date; teams: InvitedTeam[] };

const NOT_OURS = "One of the chosen teams is not a team of this organisation (it may have been deleted). Choose the teams again from the list.";

/**
 * The chosen teams, checked and locked until the invitation is stored, so none is archived between
 * the check and the write: each must be an active team of the organisation.
 */
async function chosenTeams(ctx: Ctx, teamIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (teamIds.length === 0) return [];
  const rows = await ctx.db
    .select({ id: teams.id, name: teams.name, archivedAt: teams.archivedAt })
    .from(teams)
    .where(and(eq(teams.organisationId, ctx.organisationId), inArray(teams.id, [...teamIds])))
    .orderBy(sql`lower(${teams.name})`)
    .for("share");
  if (rows.length < new Set(teamIds).size) throw new AppError("invalid_input", NOT_OURS, { teamIds: [NOT_OURS] });
  const archived = rows.find((r) => r.archivedAt !== null);
  if (archived) {
    const message = `The team “${archived.name}” is archived: restore it first, or leave it out.`;
    throw new AppError("invalid_input", message, { teamIds: [message] });
  }
  return rows.map(({ id, name }) => ({ id, name }));
}

/** Where an invitation is mailed, and the origin its link starts with. */
export type InvitationMailTo = { to: string; origin: string };

/** Queues the mail with the link, as the organisation's mail (its admins read it in the outbox). */
async function mailInvitation(ctx: Ctx, mail: InvitationMailTo, invitation: { token: string; role: Role; teams: string[]; expiresAt: Date }) {
  const [organisation] = await ctx.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, ctx.organisationId));
  const [inviter] = ctx.actor.kind === "member" ? await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, ctx.actor.userId)) : [];
  await queueMail(
    ctx,
    invitationMail({
      to: mail.to,
      inviterName: inviter?.name ?? organisation!.name,
      organisationName: organisation!.name,
      role: invitation.role,
      teams: invitation.teams,
      link: `${mail.origin}/invite/${invitation.token}`,
      expiresAt: invitation.expiresAt,
    }),
  );
}

/**
 * Creates a single-use invitation link, naming the teams (if any) whoever accepts it joins; the
 * token is returned once and only its hash is kept. With `mail`, the link is also mailed to the
 * invitee, queued in the same transaction (so no mail names a link that was never stored).
 */
export async function createInvitation(
  ctx: Ctx,
  role: Role,
  teamIds: readonly string[] = [],
  mail?: InvitationMailTo,
): Promise<{ token: string; expiresAt: Date; teams: string[] }> {
  requirePermission(ctx, "members.manage");
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000);
  const teamNames = await withTransaction(ctx, async (ctx) => {
    // Nobody grants more than they hold, judged by their role as it is now.
    const askerRole = await actorRoleNow(ctx);
    if (!askerRole) throw forbidden("members.manage");
    if (!assignableRoles(askerRole).includes(role)) throw new AppError("forbidden", `Only an owner can grant or change the role ${roleLabels[role]}.`);
    const named = await chosenTeams(ctx, teamIds);
    const [row] = await ctx.db
      .insert(inviteLinks)
      .values({
        organisationId: ctx.organisationId,
        role,
        tokenHash: hashToken(token),
        createdBy: ctx.actor.kind === "member" ? ctx.actor.userId : null,
        expiresAt,
      })
      .returning({ id: inviteLinks.id });
    if (named.length > 0) await ctx.db.insert(inviteLinkTeams).values(named.map((team) => ({ inviteLinkId: row!.id, teamId: team.id })));
    await recordAudit(ctx, {
      action: "invitation.created",
      summary: createdSummary(
        role,
        named.map((t) => t.name),
      ),
      detail: { invitationId: row!.id, role, ...(named.length > 0 && { teamIds: named.map((t) => t.id) }), ...(mail && { mailed: true }) },
    });
    const teamNames = named.map((t) => t.name);
    if (mail) await mailInvitation(ctx, mail, { token, role, teams: teamNames, expiresAt });
    return teamNames;
  });
  return { token, expiresAt, teams: teamNames };
}

/** The open invitations, newest first, each with the teams it names (by name). One statement. */
export async function listOpenInvitations(ctx: Ctx): Promise<OpenInvitation[]> {
  requirePermission(ctx, "members.manage");
  const rows = await ctx.db
    .select({
      id: inviteLinks.id,
      role: inviteLinks.role,
      createdAt: inviteLinks.createdAt,
      expiresAt: inviteLinks.expiresAt,
      teamId: teams.id,
      teamName: teams.name,
      teamArchivedAt: teams.archivedAt,
    })
    .from(inviteLinks)
    .leftJoin(inviteLinkTeams, eq(inviteLinkTeams.inviteLinkId, inviteLinks.id))
    .leftJoin(teams, eq(teams.id, inviteLinkTeams.teamId))
    .where(
      and(eq(inviteLinks.organisationId, ctx.organisationId), isNull(inviteLinks.usedAt), isNull(inviteLinks.revokedAt), gt(inviteLinks.expiresAt, new Date())),
    )
    .orderBy(desc(inviteLinks.createdAt), desc(inviteLinks.seq), sql`lower(${teams.name})`);
  const out: OpenInvitation[] = [];
  for (const { teamId, teamName, teamArchivedAt, ...invitation } of rows) {
    const last = out.at(-1);
    const current = last?.id === invitation.id ? last : (out[out.length] = { ...invitation, teams: [] });
    if (teamId !== null && teamName !== null) current.teams.push({ id: teamId, name: teamName, archived: teamArchivedAt !== null });
  }
  return out;
}

export async function revokeInvitation(ctx: Ctx, invitationId: string): Promise<void> {
  requirePermission(ctx, "members.manage");
  await withTransaction(ctx, async (ctx) => {
    const [row] = await ctx.db
      .update(inviteLinks)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(inviteLinks.organisationId, ctx.organisationId), eq(inviteLinks.id, invitationId), isNull(inviteLinks.usedAt), isNull(inviteLinks.revokedAt)),
      )
      .returning({ role: inviteLinks.role });
    if (!row) throw notFoundError("The invitation");
    await recordAudit(ctx, { action: "invitation.revoked", summary: "Revoked an invitation link", detail: { invitationId } });
  });
}

/** What an invitation offers: the organisation, the role and the (active) teams it names, by name. */
export type InvitationPreview = { organisationId: string; organisationName: string; role: Role; teams: string[] };

/** The active teams an invitation names, by name: a team archived since it was created is left out. */
async function invitedTeams(db: Db, inviteLinkId: string, organisationId: string, lock = false): Promise<{ id: string; name: string }[]> {
  const query = db
    .select({ id: teams.id, name: teams.name })
    .from(inviteLinkTeams)
    .innerJoin(teams, eq(teams.id, inviteLinkTeams.teamId))
    .where(and(eq(inviteLinkTeams.inviteLinkId, inviteLinkId), eq(teams.organisationId, organisationId), isNull(teams.archivedAt)))
    .orderBy(sql`lower(${teams.name})`);
  // Accepting holds the teams until the person is in them, so none is archived in between.
  return lock ? query.for("share", { of: teams }) : query;
}

const unusable = () => new AppError("invalid_input", "This invitation link is no longer valid: it was used, revoked or has expired. Ask for a new one.");

// An invitation is opened by someone outside the organisation, so these two take the token, not a context.

/** What an invitation offers, if it can still be used. */
export async function previewInvitation(db: Db, token: string): Promise<InvitationPreview> {
  const [row] = await db
    .select({
      id: inviteLinks.id,
      organisationId: inviteLinks.organisationId,
      organisationName: organisations.name,
      role: inviteLinks.role,
      usedAt: inviteLinks.usedAt,
      revokedAt: inviteLinks.revokedAt,
      expiresAt: inviteLinks.expiresAt,
    })
    .from(inviteLinks)
    .innerJoin(organisations, eq(organisations.id, inviteLinks.organisationId))
    .where(eq(inviteLinks.tokenHash, hashToken(token)));
  if (!row || row.usedAt || row.revokedAt || row.expiresAt <= new Date()) throw unusable();
  const named = await invitedTeams(db, row.id, row.organisationId);
  return { organisationId: row.organisationId, organisationName: row.organisationName, role: row.role, teams: named.map((t) => t.name) };
}

/**
 * Uses an invitation: the user joins with its role, and the teams it names that are still active.
 * Single use; the new member is the audit row's actor.
 */
export async function acceptInvitation(db: Db, token: string, userId: string): Promise<InvitationPreview> {
  return withTransaction({ db }, async ({ db }) => {
    const [link] = await db
      .select({
        id: inviteLinks.id,
        organisationId: inviteLinks.organisationId,
        role: inviteLinks.role,
        usedAt: inviteLinks.usedAt,
        revokedAt: inviteLinks.revokedAt,
        expiresAt: inviteLinks.expiresAt,
      })
      .from(inviteLinks)
      .where(eq(inviteLinks.tokenHash, hashToken(token)))
      .for("update");
    if (!link || link.usedAt || link.revokedAt || link.expiresAt <= new Date()) throw unusable();
    const [existing] = await db
      .select({ role: members.role })
      .from(members)
      .where(and(eq(members.organisationId, link.organisationId), eq(members.userId, userId)));
    if (existing) throw new AppError("conflict", "You are already a member of this organisation.");
    await db.insert(members).values({ organisationId: link.organisationId, userId, role: link.role });
    const named = await invitedTeams(db, link.id, link.organisationId, true);
    if (named.length > 0)
      await db
        .insert(teamMembers)
        .values(named.map((team) => ({ teamId: team.id, userId })))
        .onConflictDoNothing();
    await db.update(inviteLinks).set({ usedAt: new Date(), usedBy: userId }).where(eq(inviteLinks.id, link.id));
    const joined: Ctx = { organisationId: link.organisationId, actor: { kind: "member", userId, role: link.role }, db };
    const teamNames = named.map((t) => t.name);
    await recordAudit(joined, {
      action: "member.joined",
      summary: joinedSummary(link.role, teamNames),
      detail: { invitationId: link.id, role: link.role, ...(named.length > 0 && { teamIds: named.map((t) => t.id) }) },
    });
    const [organisation] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, link.organisationId));
    return { organisationId: link.organisationId, organisationName: organisation!.name, role: link.role, teams: teamNames };
  });
}
