import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { AppError, notFoundError } from "@/lib/errors";
import { assignableRoles, can, roleLabels, type Role } from "@/lib/permissions";
import type { Ctx, TxCtx } from "../context";
import { withTransaction } from "../transaction";
import { members, organisations, teamMembers, teams, users } from "../schema";
import { actorRoleNow, forbidden, requirePermission } from "./access";
import { recordAudit } from "./audit";

/**
 * Takes the organisation's turn for role changes, then decides with the roles as they are now, not
 * as a page showed them: the asker's own role, and the target's (locked until commit). Nobody hands
 * out or takes away more than they hold, so an admin can never change an owner, even one made owner
 * a moment ago.
 */
async function lockedChange(ctx: TxCtx, userId: string, newRole?: Role) {
  // Role changes in one organisation take turns, so two owners cannot demote each other at once.
  await ctx.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, ctx.organisationId)).for("update");
  const askerRole = await actorRoleNow(ctx);
  if (!askerRole || !can(askerRole, "members.manage")) throw forbidden("members.manage");
  const [target] = await ctx.db
    .select({ role: members.role, name: users.name })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.organisationId, ctx.organisationId), eq(members.userId, userId)))
    .for("update", { of: members });
  if (!target) throw notFoundError("The member");
  const assignable = assignableRoles(askerRole);
  const refused = [target.role, ...(newRole ? [newRole] : [])].find((r) => !assignable.includes(r));
  if (refused) throw new AppError("forbidden", `Only an owner can grant or change the role ${roleLabels[refused]}.`);
  return target;
}

/** An organisation must always keep an owner. */
async function assertAnotherOwner(ctx: TxCtx, userId: string) {
  const [{ owners } = { owners: 0 }] = await ctx.db
    .select({ owners: sql<number>`count(*)::int` })
    .from(members)
    .where(and(eq(members.organisationId, ctx.organisationId), eq(members.role, "owner"), ne(members.userId, userId)));
  if (owners === 0) throw new AppError("conflict", "An organisation needs at least one owner. Make someone else owner first.");
}

export async function changeMemberRole(ctx: Ctx, userId: string, role: Role): Promise<void> {
  requirePermission(ctx, "members.manage");
  await withTransaction(ctx, async (ctx) => {
    const member = await lockedChange(ctx, userId, role);
    if (member.role === role) return;
    if (member.role === "owner") await assertAnotherOwner(ctx, userId);
    await ctx.db
      .update(members)
      .set({ role })
      .where(and(eq(members.organisationId, ctx.organisationId), eq(members.userId, userId)));
    await recordAudit(ctx, {
      action: "member.role_changed",
      summary: `Changed ${member.name}'s role from ${roleLabels[member.role]} to ${roleLabels[role]}`,
      detail: { userId, from: member.role, to: role },
    });
  });
}

/** Removes a member (and their team memberships); they lose access on their next request. */
export async function removeMember(ctx: Ctx, userId: string): Promise<void> {
  requirePermission(ctx, "members.manage");
  await withTransaction(ctx, async (ctx) => {
    const member = await lockedChange(ctx, userId);
    if (member.role === "owner") await assertAnotherOwner(ctx, userId);
    await ctx.db.delete(members).where(and(eq(members.organisationId, ctx.organisationId), eq(members.userId, userId)));
    await ctx.db
      .delete(teamMembers)
      .where(
        and(
          eq(teamMembers.userId, userId),
          sql`${teamMembers.teamId} in (select ${teams.id} from ${teams} where ${teams.organisationId} = ${ctx.organisationId})`,
        ),
      );
    await recordAudit(ctx, { action: "member.removed", summary: `Removed ${member.name}`, detail: { userId } });
  });
}
