import "server-only";
import type { Ctx } from "@/db/context";
import { getAssessment, type AssessmentDetail } from "@/db/queries/visible-assessments";
import { isPrivateAssessment, privateResultsError } from "@/db/queries/privacy";
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

/** The team a link names, refused plainly where the organisation keeps its results to the team and its leads. */
export async function findTeamWithResults(ctx: Ctx, teamId: string): Promise<TeamOverview> {
  const team = await findTeam(ctx, teamId);
  if (!team.resultsVisible) throw privateResultsError();
  return team;
}

/**
 * The assessment a link names, if it belongs to the context's organisation and to the team the link
 * names, and the actor may see it (drafts are never visible outside the team: the query decides). A
 * submitted one kept from the actor by the organisation's privacy setting is refused plainly.
 */
export async function findAssessment(ctx: Ctx, teamId: string, assessmentId: string): Promise<AssessmentDetail> {
  if (!isUuid(teamId)) throw notFoundError("The assessment");
  const assessment = await findVisibleAssessment(ctx, assessmentId);
  if (assessment.teamId !== teamId) throw notFoundError("The assessment");
  return assessment;
}

/** An assessment of the organisation the actor may see; not found, or refused plainly where its team's results are kept from them. */
export async function findVisibleAssessment(ctx: Ctx, assessmentId: string): Promise<AssessmentDetail> {
  if (!isUuid(assessmentId)) throw notFoundError("The assessment");
  const assessment = await getAssessment(ctx, assessmentId);
  if (assessment) return assessment;
  if (await isPrivateAssessment(ctx, assessmentId)) throw privateResultsError();
  throw notFoundError("The assessment");
}
