import "server-only";
import { and, asc, desc, eq, gte, or, sql } from "drizzle-orm";
import { notFoundError } from "@/lib/errors";
import type { WorkshopStatus } from "@/lib/workshop/rules";
import type { Ctx } from "../context";
import { assessments, teams, users, workshopParticipants, workshops } from "../schema";
import { requirePermission, teamPermits } from "./access";
import { voters } from "./workshop-view";

export type WorkshopListRow = {
  id: string;
  teamId: string;
  teamName: string;
  assessmentId: string;
  status: WorkshopStatus;
  openedAt: Date;
  endedAt: Date | null;
  facilitatorId: string | null;
  facilitatorName: string | null;
  participants: number;
};

/** At most this many workshops are listed; the oldest ended ones go first. */
const WORKSHOP_LIST_LIMIT = 100;

/**
 * The organisation's workshops the actor may see — a workshop shows a team's draft, so only where
 * the actor may read the team's drafts — running ones first, then the newest. `since` keeps ended
 * workshops that ended after it (running ones are always kept).
 */
export async function listWorkshops(ctx: Ctx, { since, limit = WORKSHOP_LIST_LIMIT }: { since?: Date; limit?: number } = {}): Promise<WorkshopListRow[]> {
  requirePermission(ctx, "results.read");
  return ctx.db
    .select({
      id: workshops.id,
      teamId: assessments.teamId,
      teamName: teams.name,
      assessmentId: workshops.assessmentId,
      status: workshops.status,
      openedAt: workshops.createdAt,
      endedAt: workshops.endedAt,
      facilitatorId: workshops.facilitatorId,
      facilitatorName: users.name,
      participants:
        sql<number>`(select count(*) from ${workshopParticipants} where ${workshopParticipants.workshopId} = ${workshops.id} and ${voters})`.mapWith(Number),
    })
    .from(workshops)
    .innerJoin(assessments, eq(assessments.id, workshops.assessmentId))
    .innerJoin(teams, eq(teams.id, assessments.teamId))
    .leftJoin(users, eq(users.id, workshops.facilitatorId))
    .where(
      and(
        eq(workshops.organisationId, ctx.organisationId),
        teamPermits(ctx, "drafts.read", assessments.teamId),
        since ? or(sql`${workshops.status} <> 'ended'`, gte(workshops.endedAt, since)) : undefined,
      ),
    )
    .orderBy(sql`${workshops.status} = 'ended'`, desc(workshops.createdAt), asc(workshops.id))
    .limit(limit);
}

/** The name of whoever facilitates the workshop (null once they have no account), where the actor may see it. */
export async function workshopFacilitatorName(ctx: Ctx, workshopId: string): Promise<string | null> {
  requirePermission(ctx, "results.read");
  const [row] = await ctx.db
    .select({ name: users.name })
    .from(workshops)
    .innerJoin(assessments, eq(assessments.id, workshops.assessmentId))
    .leftJoin(users, eq(users.id, workshops.facilitatorId))
    .where(and(eq(workshops.organisationId, ctx.organisationId), eq(workshops.id, workshopId), teamPermits(ctx, "drafts.read", assessments.teamId)));
  if (!row) throw notFoundError("The workshop");
  return row.name;
}
