import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { AppError, notFound } from "@/lib/errors";
import { roleLabels, type Role } from "@/lib/permissions";
import { getDb } from "../client";
import { inviteLinks, members, organisations } from "../schema";
import { recordAudit } from "./audit";

export const INVITE_DAYS = 7;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type OpenInvitation = { id: string; role: Role; createdAt: Date; expiresAt: Date };

/** Creates a single-use invitation link; the token is returned once and only its hash is kept. */
export async function createInvitation(organisationId: string, role: Role, actorId: string): Promise<{ token: string; expiresAt: Date }> {
  const db = await getDb();
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inviteLinks)
      .values({ organisationId, role, tokenHash: hashToken(token), createdBy: actorId, expiresAt })
      .returning({ id: inviteLinks.id });
    await recordAudit(tx, organisationId, actorId, {
      action: "invitation.created",
      summary: `Created an invitation link for the role ${roleLabels[role]}`,
      detail: { invitationId: row!.id, role },
    });
  });
  return { token, expiresAt };
}

export async function listOpenInvitations(organisationId: string): Promise<OpenInvitation[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: inviteLinks.id, role: inviteLinks.role, createdAt: inviteLinks.createdAt, expiresAt: inviteLinks.expiresAt })
    .from(inviteLinks)
    .where(
      and(
        eq(inviteLinks.organisationId, organisationId),
        isNull(inviteLinks.usedAt),
        isNull(inviteLinks.revokedAt),
        gt(inviteLinks.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(inviteLinks.createdAt), desc(inviteLinks.seq));
  return rows as OpenInvitation[];
}

export async function revokeInvitation(organisationId: string, invitationId: string, actorId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(inviteLinks)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(inviteLinks.organisationId, organisationId),
          eq(inviteLinks.id, invitationId),
          isNull(inviteLinks.usedAt),
          isNull(inviteLinks.revokedAt),
        ),
      )
      .returning({ role: inviteLinks.role });
    if (!row) throw notFound("The invitation");
    await recordAudit(tx, organisationId, actorId, { action: "invitation.revoked", summary: "Revoked an invitation link", detail: { invitationId } });
  });
}

export type InvitationPreview = { organisationId: string; organisationName: string; role: Role };

const unusable = () =>
  new AppError("invalid_input", "This invitation link is no longer valid: it was used, revoked or has expired. Ask for a new one.");

/** What an invitation offers, if it can still be used. */
export async function previewInvitation(token: string): Promise<InvitationPreview> {
  const db = await getDb();
  const [row] = await db
    .select({ organisationId: inviteLinks.organisationId, organisationName: organisations.name, role: inviteLinks.role, usedAt: inviteLinks.usedAt, revokedAt: inviteLinks.revokedAt, expiresAt: inviteLinks.expiresAt })
    .from(inviteLinks)
    .innerJoin(organisations, eq(organisations.id, inviteLinks.organisationId))
    .where(eq(inviteLinks.tokenHash, hashToken(token)));
  if (!row || row.usedAt || row.revokedAt || row.expiresAt <= new Date()) throw unusable();
  return { organisationId: row.organisationId, organisationName: row.organisationName, role: row.role as Role };
}

/** Uses an invitation: the user joins with its role (or keeps a membership they already have). Single use. */
export async function acceptInvitation(token: string, userId: string): Promise<InvitationPreview> {
  const db = await getDb();
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
    await recordAudit(tx, link.organisationId, userId, {
      action: "member.joined",
      summary: `Joined by invitation as ${roleLabels[link.role as Role]}`,
      detail: { invitationId: link.id, role: link.role },
    });
    const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, link.organisationId));
    return { organisationId: link.organisationId, organisationName: organisation!.name, role: link.role as Role };
  });
}
