import "server-only";
import { and, Column, eq, getTableName, inArray, is, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { allows, needsTeamMembership, refusals, ROLES, type Permission, type Role, type Scope } from "@/lib/permissions";
import type { Ctx } from "../context";
import { members, teamMembers, teams } from "../schema";

export const forbidden = (permission: Permission) => new AppError("forbidden", refusals[permission]);

/** Refuses unless the actor holds the permission whatever the team (the rules that depend on the role alone). */
export function requirePermission(ctx: Ctx, permission: Permission): void {
  if (!allows(ctx.actor, permission)) throw forbidden(permission);
}

/** Refuses at once when the actor could not do it even on a team of their own (e.g. a viewer answering). */
export function requirePermissionOnSomeTeam(ctx: Ctx, permission: Permission): void {
  if (!allows(ctx.actor, permission, { teamMember: true })) throw forbidden(permission);
}

/**
 * A column named with its table. Drizzle names the columns of a query over one table without it,
 * and inside a subquery a bare name means the subquery's own column ("team_id" = "team_id").
 */
const qualified = (column: Column): SQL => sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;

/**
 * A condition for a query's WHERE: the actor may do `permission` on the team `teamId` (a column or a
 * value). Constant when the role decides alone; otherwise "the actor is in that team", checked by
 * the same statement that reads or writes.
 */
export function teamPermits(ctx: Ctx, permission: Permission, teamId: SQLWrapper): SQL {
  if (allows(ctx.actor, permission, { teamMember: false })) return sql`true`;
  if (ctx.actor.kind === "member" && needsTeamMembership(ctx.actor, permission)) {
    return actorInTeam(ctx, teamId);
  }
  return sql`false`;
}

/** Whether the actor is a member of the team `teamId` (a column or a value): for a WHERE, or selected as the actor's scope. */
export function actorInTeam(ctx: Ctx, teamId: SQLWrapper): SQL<boolean> {
  if (ctx.actor.kind !== "member") return sql<boolean>`false`;
  const team = is(teamId, Column) ? qualified(teamId) : teamId;
  return sql<boolean>`exists (select 1 from ${teamMembers} where ${qualified(teamMembers.teamId)} = ${team} and ${qualified(teamMembers.userId)} = ${ctx.actor.userId})`;
}

/**
 * For a write, inside its transaction: refuses unless the actor may do it on this team. The team
 * membership it relies on stays locked until the write commits, so a removal cannot slip between.
 */
export async function requireTeamPermission(ctx: Ctx, permission: Permission, teamId: string): Promise<void> {
  if (allows(ctx.actor, permission, { teamMember: false })) return;
  if (ctx.actor.kind === "member" && needsTeamMembership(ctx.actor, permission)) {
    const [row] = await ctx.db
      .select({ teamId: teamMembers.teamId })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, ctx.actor.userId)))
      .for("share");
    if (row) return;
  }
  throw forbidden(permission);
}

/** What the actor is to each of these teams of the organisation: one query, however many teams. */
export async function teamScopes(ctx: Ctx, teamIds: readonly string[]): Promise<Map<string, Scope>> {
  const scopes = new Map<string, Scope>(teamIds.map((id) => [id, { teamMember: false }]));
  if (ctx.actor.kind !== "member" || teamIds.length === 0) return scopes;
  const rows = await ctx.db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teams.organisationId, ctx.organisationId), eq(teamMembers.userId, ctx.actor.userId), inArray(teamMembers.teamId, [...teamIds])));
  for (const row of rows) scopes.set(row.teamId, { teamMember: true });
  return scopes;
}

/** Which of these teams the actor may do `permission` on. */
export async function teamsPermitting(ctx: Ctx, permission: Permission, teamIds: readonly string[]): Promise<Set<string>> {
  const scopes = await teamScopes(ctx, teamIds);
  return new Set(teamIds.filter((id) => allows(ctx.actor, permission, scopes.get(id))));
}

/**
 * The actor's role in the organisation as it is now (inside a write: as the write sees it), not as
 * it was when the request began. Stave itself acts as an owner; participants and tokens hold none.
 */
export async function actorRoleNow(ctx: Ctx): Promise<Role | undefined> {
  if (ctx.actor.kind === "system") return ROLES[0];
  if (ctx.actor.kind !== "member") return undefined;
  const [row] = await ctx.db
    .select({ role: members.role })
    .from(members)
    .where(and(eq(members.organisationId, ctx.organisationId), eq(members.userId, ctx.actor.userId)));
  return row?.role;
}
