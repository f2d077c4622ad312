import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { RespondentMode } from "@/lib/respondents";
import type { Ctx } from "../context";
import { answers, assessmentAreaScores, assessmentScores, assessments, modelVersions, respondentAnswers } from "../schema";
import { requirePermission, teamPermits } from "./access";
import { teamResultsVisible } from "./privacy";

// What the teams list shows on each team's card, for the teams of one page only: two statements
// however many teams, read from stored scores (never scoring answers again).

export type CardAssessment = {
  assessmentId: string;
  submittedAt: Date;
  modelVersionId: string;
  waterLevel: number | null;
  weakest: string[];
  /** In model order; empty for the previous assessment, whose water level is all the card compares. */
  areas: { areaId: string; name: string; score: number | null }[];
};

type CardDraftRow = {
  assessmentId: string;
  teamId: string;
  createdAt: Date;
  modelVersionId: string;
  respondents: RespondentMode;
  /** Answers given or reviewed: the team's, or on an assessment each member answers on their own, the actor's own. */
  answered: number;
  /** Answers carried from last cycle that are not yet reviewed. */
  toReview: number;
};

export type TeamCardData = { teamId: string; latest?: CardAssessment; previous?: CardAssessment; draft?: CardDraftRow };

/**
 * Each team's latest submitted assessment and the one before it of the same model, with stored
 * scores; and its open assessment with how much of it is answered, only where the actor may see
 * drafts (never outside the team). Only teams with something to show are returned, and never a
 * team of another organisation.
 */
export async function listTeamCards(ctx: Ctx, teamIds: readonly string[]): Promise<TeamCardData[]> {
  requirePermission(ctx, "results.read");
  if (teamIds.length === 0) return [];
  const [scored, drafts] = await Promise.all([latestTwo(ctx, teamIds), openDrafts(ctx, teamIds)]);
  const cards = new Map<string, TeamCardData>();
  const cardOf = (teamId: string) => cards.get(teamId) ?? cards.set(teamId, { teamId }).get(teamId)!;
  for (const row of scored) {
    const card = cardOf(row.teamId);
    const slot = row.nth === 1 ? "latest" : "previous";
    const assessment = (card[slot] ??= {
      assessmentId: row.assessmentId,
      submittedAt: row.submittedAt!,
      modelVersionId: row.modelVersionId,
      waterLevel: row.waterLevel,
      weakest: row.weakest,
      areas: [],
    });
    if (row.areaId !== null) assessment.areas.push({ areaId: row.areaId, name: row.name!, score: row.score });
  }
  for (const draft of drafts) cardOf(draft.teamId).draft = draft;
  return [...cards.values()];
}

/**
 * One statement: per team, its latest submitted assessment (n = 1) and the latest before it of the
 * same model (n = 2), each with its stored headline; the latest with a row per area.
 */
function latestTwo(ctx: Ctx, teamIds: readonly string[]) {
  const newestFirst = sql`order by ${assessments.submittedAt} desc, ${assessments.id} desc`;
  const ranked = ctx.db.$with("ranked").as(
    ctx.db
      .select({
        assessmentId: assessments.id,
        teamId: assessments.teamId,
        submittedAt: assessments.submittedAt,
        modelVersionId: assessments.modelVersionId,
        nth: sql<number>`row_number() over (partition by ${assessments.teamId}, ${modelVersions.modelId} ${newestFirst})`.as("nth"),
        ofNewestModel:
          sql<boolean>`${modelVersions.modelId} = first_value(${modelVersions.modelId}) over (partition by ${assessments.teamId} ${newestFirst})`.as(
            "of_newest_model",
          ),
      })
      .from(assessments)
      .innerJoin(modelVersions, eq(modelVersions.id, assessments.modelVersionId))
      .where(
        and(
          eq(assessments.organisationId, ctx.organisationId),
          eq(assessments.status, "submitted"),
          inArray(assessments.teamId, [...teamIds]),
          teamResultsVisible(ctx, assessments.teamId),
        ),
      ),
  );
  return ctx.db
    .with(ranked)
    .select({
      assessmentId: ranked.assessmentId,
      teamId: ranked.teamId,
      submittedAt: ranked.submittedAt,
      modelVersionId: ranked.modelVersionId,
      nth: sql<number>`${ranked.nth}`.mapWith(Number),
      waterLevel: assessmentScores.waterLevel,
      weakest: assessmentScores.weakest,
      areaId: assessmentAreaScores.areaId,
      name: assessmentAreaScores.name,
      score: assessmentAreaScores.score,
    })
    .from(ranked)
    .innerJoin(assessmentScores, eq(assessmentScores.assessmentId, ranked.assessmentId))
    .leftJoin(assessmentAreaScores, and(eq(assessmentAreaScores.assessmentId, ranked.assessmentId), eq(ranked.nth, 1)))
    .where(and(sql`${ranked.ofNewestModel}`, lte(ranked.nth, 2)))
    .orderBy(asc(ranked.teamId), asc(ranked.nth), asc(assessmentAreaScores.position));
}

/**
 * One statement: each team's open assessment that the actor may see, with its answers counted —
 * the team's, or (answered by each member) the actor's own.
 */
function openDrafts(ctx: Ctx, teamIds: readonly string[]): Promise<CardDraftRow[]> {
  const userId = ctx.actor.kind === "member" ? ctx.actor.userId : null;
  const shared = eq(assessments.respondents, "shared");
  const own = userId === null ? sql`false` : and(sql`${assessments.respondents} <> 'shared'`, eq(respondentAnswers.userId, userId));
  const unreviewed = (carried: typeof answers.carried | typeof respondentAnswers.carried) => sql`${carried} = 'unreviewed'`;
  const counted = (carried: typeof answers.carried | typeof respondentAnswers.carried) => sql`${carried} is distinct from 'unreviewed'`;
  return (
    ctx.db
      .select({
        assessmentId: assessments.id,
        teamId: assessments.teamId,
        createdAt: assessments.createdAt,
        modelVersionId: assessments.modelVersionId,
        respondents: assessments.respondents,
        answered:
          sql<number>`count(${answers.id}) filter (where ${counted(answers.carried)}) + count(${respondentAnswers.id}) filter (where ${counted(respondentAnswers.carried)})`.mapWith(
            Number,
          ),
        toReview:
          sql<number>`count(${answers.id}) filter (where ${unreviewed(answers.carried)}) + count(${respondentAnswers.id}) filter (where ${unreviewed(respondentAnswers.carried)})`.mapWith(
            Number,
          ),
      })
      .from(assessments)
      // Only one of the two joins has rows for a draft, so the counts never multiply.
      .leftJoin(answers, and(eq(answers.assessmentId, assessments.id), shared))
      .leftJoin(respondentAnswers, and(eq(respondentAnswers.assessmentId, assessments.id), own))
      .where(
        and(
          eq(assessments.organisationId, ctx.organisationId),
          eq(assessments.status, "draft"),
          inArray(assessments.teamId, [...teamIds]),
          teamPermits(ctx, "drafts.read", assessments.teamId),
        ),
      )
      .groupBy(assessments.id)
  );
}
