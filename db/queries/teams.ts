import "server-only";
import { and, asc, eq, gt, isNull, max, sql } from "drizzle-orm";
import { cadenceLabels, type Cadence } from "@/lib/cadence";
import { AppError, notFoundError } from "@/lib/errors";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import type { Scope } from "@/lib/permissions";
import { assessments, teams } from "../schema";
import { actorInTeam, requirePermission, requireTeamPermission } from "./access";
import { recordAudit } from "./audit";
import { isUniqueViolation } from "./pg-errors";
import { teamResultsVisible } from "./privacy";
import { asOptionalDate } from "../driver-values";

export type TeamSummary = { id: string; name: string; archivedAt: Date | null };

const columns = { id: teams.id, name: teams.name, archivedAt: teams.archivedAt };

/**
 * The organisation's teams by name, each with its cadence, whether the actor is one of its members
 * (`mine`) and whether the actor may read its own results (the organisation's privacy setting).
 */
export async function listTeams(
  ctx: Ctx,
  { includeArchived = false } = {},
): Promise<(TeamSummary & { mine: boolean; cadence: Cadence; resultsVisible: boolean })[]> {
  requirePermission(ctx, "results.read");
  return ctx.db
    .select({
      ...columns,
      cadence: teams.cadence,
      mine: actorInTeam(ctx, teams.id).mapWith(Boolean),
      resultsVisible: teamResultsVisible(ctx, teams.id).mapWith(Boolean),
    })
    .from(teams)
    .where(and(eq(teams.organisationId, ctx.organisationId), includeArchived ? undefined : isNull(teams.archivedAt)))
    .orderBy(sql`lower(${teams.name})`);
}

/**
 * One page of the organisation's teams, archived ones included, in the order of their ids (which
 * never changes, so a page boundary holds while teams are added or renamed): those after `after`,
 * and whether more follow.
 */
export async function listTeamsPage(
  ctx: Ctx,
  { after, limit }: { after?: string; limit: number },
): Promise<{ teams: (TeamSummary & { groupId: string | null; cadence: Cadence })[]; more: boolean }> {
  requirePermission(ctx, "results.read");
  const rows = await ctx.db
    .select({ ...columns, groupId: teams.groupId, cadence: teams.cadence })
    .from(teams)
    .where(and(eq(teams.organisationId, ctx.organisationId), after === undefined ? undefined : gt(teams.id, after)))
    .orderBy(asc(teams.id))
    .limit(limit + 1);
  return { teams: rows.slice(0, limit), more: rows.length > limit };
}

/** The active teams with the group each sits in (for arranging groups). */
export async function listTeamGroups(ctx: Ctx): Promise<(TeamSummary & { groupId: string | null })[]> {
  requirePermission(ctx, "results.read");
  return ctx.db
    .select({ ...columns, groupId: teams.groupId })
    .from(teams)
    .where(and(eq(teams.organisationId, ctx.organisationId), isNull(teams.archivedAt)))
    .orderBy(sql`lower(${teams.name})`);
}

export type TeamOverview = TeamSummary & { scope: Scope; cadence: TeamCadence; resultsVisible: boolean };

/**
 * One team with what its pages need besides: what the actor is to it (a member of the team or not),
 * whether the actor may read its own results, and its cadence with when it last submitted (never
 * shown where its results are kept from the actor). One statement; undefined outside the organisation.
 */
export async function getTeamOverview(ctx: Ctx, teamId: string): Promise<TeamOverview | undefined> {
  requirePermission(ctx, "results.read");
  // A join for the last submission: drizzle names a lone table's columns without the table, which a correlated subquery would misread.
  const [row] = await ctx.db
    .select({
      ...columns,
      cadence: teams.cadence,
      lastSubmittedAt: max(assessments.submittedAt),
      teamMember: actorInTeam(ctx, teams.id).mapWith(Boolean),
      resultsVisible: teamResultsVisible(ctx, teams.id).mapWith(Boolean),
    })
    .from(teams)
    .leftJoin(assessments, and(eq(assessments.teamId, teams.id), eq(assessments.status, "submitted"), teamResultsVisible(ctx, teams.id)))
    .where(and(eq(teams.organisationId, ctx.organisationId), eq(teams.id, teamId)))
    .groupBy(teams.id);
  if (!row) return undefined;
  const { cadence, lastSubmittedAt, teamMember, resultsVisible, ...team } = row;
  return {
    ...team,
    scope: { teamMember },
    resultsVisible,
    cadence: { teamId: team.id, cadence, lastSubmittedAt: asOptionalDate(lastSubmittedAt) },
  };
}

const nameTaken = (name: string) =>
  new AppError("conflict", `A team called “${name}” already exists (names are unique, archived teams included).`, {
    name: ["That name is already taken."],
  });

/** Creates a team; `id` keeps the id a team had in an imported history (so importing it again finds it). */
export async function createTeam(ctx: Ctx, name: string, { id }: { id?: string } = {}): Promise<TeamSummary> {
  requirePermission(ctx, "teams.manage");
  try {
    return await withTransaction(ctx, async (ctx) => {
      const [row] = await ctx.db.insert(teams).values({ id, organisationId: ctx.organisationId, name }).returning(columns);
      await recordAudit(ctx, { action: "team.created", summary: `Created team “${name}”`, detail: { teamId: row!.id } });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

export async function renameTeam(ctx: Ctx, teamId: string, name: string): Promise<TeamSummary> {
  requirePermission(ctx, "teams.manage");
  try {
    return await withTransaction(ctx, async (ctx) => {
      const [before] = await ctx.db
        .select({ name: teams.name })
        .from(teams)
        .where(and(eq(teams.organisationId, ctx.organisationId), eq(teams.id, teamId)))
        .for("update");
      if (!before) throw notFoundError("The team");
      const [row] = await ctx.db.update(teams).set({ name }).where(eq(teams.id, teamId)).returning(columns);
      await recordAudit(ctx, { action: "team.renamed", summary: `Renamed team “${before.name}” to “${name}”`, detail: { teamId } });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

export async function setTeamArchived(ctx: Ctx, teamId: string, archived: boolean): Promise<TeamSummary> {
  requirePermission(ctx, "teams.manage");
  return withTransaction(ctx, async (ctx) => {
    const [row] = await ctx.db
      .update(teams)
      .set({ archivedAt: archived ? new Date() : null })
      .where(and(eq(teams.organisationId, ctx.organisationId), eq(teams.id, teamId)))
      .returning(columns);
    if (!row) throw notFoundError("The team");
    await recordAudit(ctx, {
      action: archived ? "team.archived" : "team.restored",
      summary: `${archived ? "Archived" : "Restored"} team “${row.name}”`,
      detail: { teamId },
    });
    return row;
  });
}

/** How often a team assesses itself and when it last submitted an assessment (undefined: never), for its next due date. */
export type TeamCadence = { teamId: string; cadence: Cadence; lastSubmittedAt: Date | undefined };

/** Sets how often the team assesses itself: the team's lead may (a facilitator, an admin, an owner, or a member of the team). */
export async function setTeamCadence(ctx: Ctx, teamId: string, cadence: Cadence): Promise<void> {
  requirePermission(ctx, "results.read");
  await withTransaction(ctx, async (ctx) => {
    try {
      await requireTeamPermission(ctx, "assessments.edit", teamId);
    } catch (error) {
      if (error instanceof AppError && error.code === "forbidden") {
        throw new AppError("forbidden", "Only the team's members, facilitators, admins and owners can change how often it assesses itself.");
      }
      throw error;
    }
    const [row] = await ctx.db
      .update(teams)
      .set({ cadence })
      .where(and(eq(teams.organisationId, ctx.organisationId), eq(teams.id, teamId)))
      .returning({ name: teams.name });
    if (!row) throw notFoundError("The team");
    await recordAudit(ctx, {
      action: "team.cadence",
      summary: `Set team “${row.name}” to assess itself: ${cadenceLabels[cadence].toLowerCase()}`,
      detail: { teamId, cadence },
    });
  });
}
