import "server-only";
import type { Ctx } from "@/db/context";
import { getAssessment, type AssessmentDetail } from "@/db/queries/assessments";
import { getTeamOverview, type TeamOverview } from "@/db/queries/teams";
import { notFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";

/** Refuses, before any query runs, a link whose ids cannot name anything (the queries run in parallel). */
export function requireIds(...ids: string[]): void {
  if (!ids.every(isUuid)) throw notFoundError("The page");
}

/** The team a link names, in the context's organisation; not found for anything else (a malformed id included). */
export async function findTeam(ctx: Ctx, teamId: string): Promise<TeamOverview> {
  const team = isUuid(teamId) ? await getTeamOverview(ctx, teamId) : undefined;
  if (!team) throw notFoundError("The team");
  return team;
}

/**
 * The assessment a link names, if it belongs to the context's organisation and to the team the link
 * names, and the actor may see it (drafts are never visible outside the team: the query decides).
 */
export async function findAssessment(ctx: Ctx, teamId: string, assessmentId: string): Promise<AssessmentDetail> {
  const assessment = isUuid(teamId) && isUuid(assessmentId) ? await getAssessment(ctx, assessmentId) : undefined;
  if (!assessment || assessment.teamId !== teamId) throw notFoundError("The assessment");
  return assessment;
}
