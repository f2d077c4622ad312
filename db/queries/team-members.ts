import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { AppError, notFoundError } from "@/lib/errors";
import type { TeamMember } from "@/lib/people";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { members, teamMembers, teams, users } from "../schema";
import { requirePermission } from "./access";
import { recordAudit } from "./audit";

/** Whether a user belongs to a team of the organisation. */
export async function isTeamMember(ctx: Ctx, teamId: string, userId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teams.organisationId, ctx.organisationId), eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  return row !== undefined;
}

export async function listTeamMembers(ctx: Ctx, teamId: string): Promise<TeamMember[]> {
  requirePermission(ctx, "results.read");
  return ctx.db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teams.organisationId, ctx.organisationId), eq(teamMembers.teamId, teamId)))
    .orderBy(asc(users.name));
}

async function teamNamed(ctx: Ctx, teamId: string): Promise<string> {
  const [team] = await ctx.db
    .select({ name: teams.name })
    .from(teams)
    .where(and(eq(teams.organisationId, ctx.organisationId), eq(teams.id, teamId)));
  if (!team) throw notFoundError("The team");
  return team.name;
}

/** Adds an organisation member to one of its teams. */
export async function addTeamMember(ctx: Ctx, teamId: string, userId: string): Promise<void> {
  requirePermission(ctx, "teams.manage");
  await withTransaction(ctx, async (ctx) => {
    const teamName = await teamNamed(ctx, teamId);
    const [member] = await ctx.db
      .select({ name: users.name })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(and(eq(members.organisationId, ctx.organisationId), eq(members.userId, userId)))
      // Held until the insert commits, so a concurrent removal cannot leave a non-member in the team.
      .for("share", { of: members });
    if (!member) throw new AppError("invalid_input", "That person is not a member of this organisation.");
    const [added] = await ctx.db.insert(teamMembers).values({ teamId, userId }).onConflictDoNothing().returning({ userId: teamMembers.userId });
    if (added) await recordAudit(ctx, { action: "team.member_added", summary: `Added ${member.name} to team “${teamName}”`, detail: { teamId, userId } });
  });
}

export async function removeTeamMember(ctx: Ctx, teamId: string, userId: string): Promise<void> {
  requirePermission(ctx, "teams.manage");
  await withTransaction(ctx, async (ctx) => {
    const teamName = await teamNamed(ctx, teamId);
    const [removed] = await ctx.db
      .delete(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
      .returning({ userId: teamMembers.userId });
    if (!removed) return;
    const [user] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, userId));
    await recordAudit(ctx, {
      action: "team.member_removed",
      summary: `Removed ${user?.name ?? "someone"} from team “${teamName}”`,
      detail: { teamId, userId },
    });
  });
}
