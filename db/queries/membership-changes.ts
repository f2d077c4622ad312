import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { AppError, notFound } from "@/lib/errors";
import { roleLabels, type Role } from "@/lib/permissions";
import { getDb, type Db } from "../client";
import { members, organisations, teamMembers, teams, users } from "../schema";
import { recordAudit } from "./audit";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

async function lockedMember(tx: Tx, organisationId: string, userId: string) {
  // Role changes in one organisation take turns, so two owners cannot demote each other at once.
  await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).for("update");
  const [row] = await tx
    .select({ role: members.role, name: users.name })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.organisationId, organisationId), eq(members.userId, userId)))
    .for("update", { of: members });
  if (!row) throw notFound("The member");
  return row;
}

/** An organisation must always keep an owner. */
async function assertAnotherOwner(tx: Tx, organisationId: string, userId: string) {
  const [{ owners } = { owners: 0 }] = await tx
    .select({ owners: sql<number>`count(*)::int` })
    .from(members)
    .where(and(eq(members.organisationId, organisationId), eq(members.role, "owner"), ne(members.userId, userId)));
  if (owners === 0) throw new AppError("conflict", "An organisation needs at least one owner. Make someone else owner first.");
}

export async function changeMemberRole(organisationId: string, userId: string, role: Role, actorId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const member = await lockedMember(tx, organisationId, userId);
    if (member.role === role) return;
    if (member.role === "owner") await assertAnotherOwner(tx, organisationId, userId);
    await tx.update(members).set({ role }).where(and(eq(members.organisationId, organisationId), eq(members.userId, userId)));
    await recordAudit(tx, organisationId, actorId, {
      action: "member.role_changed",
      summary: `Changed ${member.name}'s role from ${roleLabels[member.role as Role] ?? member.role} to ${roleLabels[role]}`,
      detail: { userId, from: member.role, to: role },
    });
  });
}

/** Removes a member (and their team memberships); they lose access on their next request. */
export async function removeMember(organisationId: string, userId: string, actorId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const member = await lockedMember(tx, organisationId, userId);
    if (member.role === "owner") await assertAnotherOwner(tx, organisationId, userId);
    await tx.delete(members).where(and(eq(members.organisationId, organisationId), eq(members.userId, userId)));
    await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.userId, userId), sql`${teamMembers.teamId} in (select ${teams.id} from ${teams} where ${teams.organisationId} = ${organisationId})`));
    await recordAudit(tx, organisationId, actorId, { action: "member.removed", summary: `Removed ${member.name}`, detail: { userId } });
  });
}
