import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { AppError, notFoundError } from "@/lib/errors";
import { assignableRoles, roleLabels, type Role } from "@/lib/permissions";
import type { Db } from "../client";
import { within, type Ctx } from "../context";
import { inviteLinks, members, organisations } from "../schema";
import { actorRoleNow, forbidden, requirePermission } from "./access";
import { recordAudit } from "./audit";

export const INVITE_DAYS = 7;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type OpenInvitation = { id: string; role: Role; createdAt: Date; expiresAt: Date };

/** Creates a single-use invitation link; the token is returned once and only its hash is kept. */
export async function createInvitation(ctx: Ctx, role: Role): Promise<{ token: string; expiresAt: Date }> {
  requirePermission(ctx, "members.manage");
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000);
  await ctx.db.transaction(async (tx) => {
    const inTx = within(ctx, tx);
    // Nobody grants more than they hold, judged by their role as it is now.
    const askerRole = await actorRoleNow(inTx);
    if (!askerRole) throw forbidden("members.manage");
    if (!assignableRoles(askerRole).includes(role)) throw new AppError("forbidden", `Only an owner can grant or change the role ${roleLabels[role]}.`);
    const [row] = await tx
      .insert(inviteLinks)
      .values({
        organisationId: ctx.organisationId,
        role,
        tokenHash: hashToken(token),
        createdBy: ctx.actor.kind === "member" ? ctx.actor.userId : null,
        expiresAt,
      })
      .returning({ id: inviteLinks.id });
    await recordAudit(inTx, {
      action: "invitation.created",
      summary: `Created an invitation link for the role ${roleLabels[role]}`,
      detail: { invitationId: row!.id, role },
    });
  });
  return { token, expiresAt };
}

export async function listOpenInvitations(ctx: Ctx): Promise<OpenInvitation[]> {
  requirePermission(ctx, "members.manage");
  return ctx.db
    .select({ id: inviteLinks.id, role: inviteLinks.role, createdAt: inviteLinks.createdAt, expiresAt: inviteLinks.expiresAt })
    .from(inviteLinks)
    .where(
      and(
        eq(inviteLinks.organisationId, ctx.organisationId),
        isNull(inviteLinks.usedAt),
        isNull(inviteLinks.revokedAt),
        gt(inviteLinks.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(inviteLinks.createdAt), desc(inviteLinks.seq));
}

export async function revokeInvitation(ctx: Ctx, invitationId: string): Promise<void> {
  requirePermission(ctx, "members.manage");
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(inviteLinks)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(inviteLinks.organisationId, ctx.organisationId),
          eq(inviteLinks.id, invitationId),
          isNull(inviteLinks.usedAt),
          isNull(inviteLinks.revokedAt),
        ),
      )
      .returning({ role: inviteLinks.role });
    if (!row) throw notFoundError("The invitation");
    await recordAudit(within(ctx, tx), { action: "invitation.revoked", summary: "Revoked an invitation link", detail: { invitationId } });
  });
}

export type InvitationPreview = { organisationId: string; organisationName: string; role: Role };

const unusable = () =>
  new AppError("invalid_input", "This invitation link is no longer valid: it was used, revoked or has expired. Ask for a new one.");

// An invitation is opened by someone outside the organisation, so these two take the token, not a context.

/** What an invitation offers, if it can still be used. */
export async function previewInvitation(db: Db, token: string): Promise<InvitationPreview> {
  const [row] = await db
    .select({ organisationId: inviteLinks.organisationId, organisationName: organisations.name, role: inviteLinks.role, usedAt: inviteLinks.usedAt, revokedAt: inviteLinks.revokedAt, expiresAt: inviteLinks.expiresAt })
    .from(inviteLinks)
    .innerJoin(organisations, eq(organisations.id, inviteLinks.organisationId))
    .where(eq(inviteLinks.tokenHash, hashToken(token)));
  if (!row || row.usedAt || row.revokedAt || row.expiresAt <= new Date()) throw unusable();
  return { organisationId: row.organisationId, organisationName: row.organisationName, role: row.role };
}

/** Uses an invitation: the user joins with its role. Single use; the new member is the audit row's actor. */
export async function acceptInvitation(db: Db, token: string, userId: string): Promise<InvitationPreview> {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select({ id: inviteLinks.id, organisationId: inviteLinks.organisationId, role: inviteLinks.role, usedAt: inviteLinks.usedAt, revokedAt: inviteLinks.revokedAt, expiresAt: inviteLinks.expiresAt })
      .from(inviteLinks)
      .where(eq(inviteLinks.tokenHash, hashToken(token)))
      .for("update");
    if (!link || link.usedAt || link.revokedAt || link.expiresAt <= new Date()) throw unusable();
    const [existing] = await tx
      .select({ role: members.role })
      .from(members)
      .where(and(eq(members.organisationId, link.organisationId), eq(members.userId, userId)));
    if (existing) throw new AppError("conflict", "You are already a member of this organisation.");
    await tx.insert(members).values({ organisationId: link.organisationId, userId, role: link.role });
    await tx.update(inviteLinks).set({ usedAt: new Date(), usedBy: userId }).where(eq(inviteLinks.id, link.id));
    const joined: Ctx = { organisationId: link.organisationId, actor: { kind: "member", userId, role: link.role }, db: tx };
    await recordAudit(joined, {
      action: "member.joined",
      summary: `Joined by invitation as ${roleLabels[link.role]}`,
      detail: { invitationId: link.id, role: link.role },
    });
    const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, link.organisationId));
    return { organisationId: link.organisationId, organisationName: organisation!.name, role: link.role };
  });
}
