import "server-only";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { AreaSpread } from "@/lib/respondents";
import { MAX_SCORE_DIGITS } from "@/lib/model/scoring-rules";
import { roundHalfUp, type AssessmentScore } from "@/lib/scoring";
import { fromStoredScore, type StoredAreaScore } from "@/lib/stored-score";
import type { Ctx } from "../context";
import { assessmentAreaScores, assessmentScores, assessments, modelVersions } from "../schema";
import { requirePermission } from "./access";
import { teamResultsVisible } from "./privacy";

// Scores are stored when an assessment is submitted (db/score-rows.ts); these read them back.

export type ScoredAssessment = {
  assessmentId: string;
  submittedAt: Date;
  modelVersionId: string;
  modelId: string;
  modelVersion: string;
  score: AssessmentScore;
  /** With several respondents: how many answered, and how far apart they are per area (model order). */
  spread: { respondents: number; areas: AreaSpread[] } | null;
};

const columns = {
  assessmentId: assessments.id,
  submittedAt: assessments.submittedAt,
  modelVersionId: assessments.modelVersionId,
  modelId: modelVersions.modelId,
  modelVersion: modelVersions.version,
  waterLevel: assessmentScores.waterLevel,
  weakest: assessmentScores.weakest,
  spill: assessmentScores.spill,
  mean: assessmentScores.mean,
  levelAnswers: assessmentScores.levelAnswers,
  unsureAnswers: assessmentScores.unsureAnswers,
  notApplicableAnswers: assessmentScores.notApplicableAnswers,
  respondents: assessmentScores.respondents,
  areaId: assessmentAreaScores.areaId,
  position: assessmentAreaScores.position,
  name: assessmentAreaScores.name,
  score: assessmentAreaScores.score,
  percent: assessmentAreaScores.percent,
  sum: assessmentAreaScores.sum,
  scored: assessmentAreaScores.scored,
  unsure: assessmentAreaScores.unsure,
  notApplicable: assessmentAreaScores.notApplicable,
  unanswered: assessmentAreaScores.unanswered,
  areaRespondents: assessmentAreaScores.respondents,
  respondentLow: assessmentAreaScores.respondentLow,
  respondentHigh: assessmentAreaScores.respondentHigh,
  disagreements: assessmentAreaScores.disagreements,
};

/** One statement: a row per area of every matching submitted assessment, in order. */
async function scoredAssessments(ctx: Ctx, where: SQL): Promise<ScoredAssessment[]> {
  requirePermission(ctx, "results.read");
  const rows = await ctx.db
    .select(columns)
    .from(assessments)
    .innerJoin(assessmentScores, eq(assessmentScores.assessmentId, assessments.id))
    .innerJoin(assessmentAreaScores, eq(assessmentAreaScores.assessmentId, assessments.id))
    .innerJoin(modelVersions, eq(modelVersions.id, assessments.modelVersionId))
    .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.status, "submitted"), teamResultsVisible(ctx, assessments.teamId), where))
    .orderBy(asc(assessments.submittedAt), asc(assessments.id), asc(assessmentAreaScores.position));
  const out: { head: (typeof rows)[number]; areas: StoredAreaScore[]; spreads: AreaSpread[] }[] = [];
  for (const row of rows) {
    const last = out.at(-1);
    const area: StoredAreaScore = {
      areaId: row.areaId,
      position: row.position,
      name: row.name,
      score: row.score,
      percent: row.percent,
      sum: row.sum,
      scored: row.scored,
      unsure: row.unsure,
      notApplicable: row.notApplicable,
      unanswered: row.unanswered,
    };
    const spread = areaSpreadOf(row);
    if (last && last.head.assessmentId === row.assessmentId) {
      last.areas.push(area);
      last.spreads.push(spread);
    } else out.push({ head: row, areas: [area], spreads: [spread] });
  }
  return out.map(({ head, areas, spreads }) => ({
    assessmentId: head.assessmentId,
    submittedAt: head.submittedAt!,
    modelVersionId: head.modelVersionId,
    modelId: head.modelId,
    modelVersion: head.modelVersion,
    score: fromStoredScore(head, areas),
    spread: head.respondents === null ? null : { respondents: head.respondents, areas: spreads },
  }));
}

type Row = { areaId: string; areaRespondents: number | null; respondentLow: number | null; respondentHigh: number | null; disagreements: number | null };

function areaSpreadOf({ areaId, areaRespondents, respondentLow: low, respondentHigh: high, disagreements }: Row): AreaSpread {
  return {
    areaId,
    respondents: areaRespondents ?? 0,
    low,
    high,
    spread: low === null || high === null ? null : roundHalfUp(high - low, MAX_SCORE_DIGITS),
    disagreements: disagreements ?? 0,
  };
}

/** A team's submitted assessments with their stored scores, oldest first. */
export function listTeamScores(ctx: Ctx, teamId: string): Promise<ScoredAssessment[]> {
  return scoredAssessments(ctx, eq(assessments.teamId, teamId));
}

/** The team's newest `count` submitted assessments with their stored scores, newest first. */
export async function latestTeamScores(ctx: Ctx, teamId: string, count: number): Promise<ScoredAssessment[]> {
  const latest = ctx.db
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.teamId, teamId), eq(assessments.status, "submitted")))
    .orderBy(desc(assessments.submittedAt))
    .limit(count);
  return (await scoredAssessments(ctx, sql`${assessments.id} in (${latest})`)).reverse();
}

/** The stored score of one submitted assessment. */
export async function getAssessmentScore(ctx: Ctx, assessmentId: string): Promise<AssessmentScore | undefined> {
  const [scored] = await scoredAssessments(ctx, eq(assessments.id, assessmentId));
  return scored?.score;
}
