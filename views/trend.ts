import "server-only";
import type { Ctx } from "@/db/context";
import { listAnnotations } from "@/db/queries/annotations";
import { getModelVersion } from "@/db/queries/model-versions";
import { listTeamScores } from "@/db/queries/scores";
import { listTeamTargets } from "@/db/queries/targets";
import type { TrendContract } from "@/lib/contracts/trend";
import { isoDate } from "@/lib/format";
import { scoreDigits, scoreRange, type ScoreDigits } from "@/lib/model/scoring-rules";
import type { Model } from "@/lib/model/schema";
import { allows } from "@/lib/permissions";
import { targetOutcome, toLaterScore } from "@/lib/target";
import { shapeTrend, weakestSummary, type Trend } from "@/lib/trend";
import { findTeamWithResults, requireIds } from "./find";

export type TrendView = {
  trend: TrendContract;
  screen: {
    /** The series placed for the chart and the table (slots, labels, what changed between model versions). */
    chart: Trend;
    /** The top of the highest scale in the series. */
    max: number;
    /** The bottom of the lowest scale in the series: where the chart's axis starts. */
    min: number;
    /** The decimals scores are shown with: the most any model in the series shows (two where SAMM is). */
    digits: ScoreDigits;
    /** "Observability (3×), Delivery (1×)": the areas most often the weakest stave. */
    mostOftenWeakest: string;
    canEdit: boolean;
    /** Today, as the note form's default. */
    today: string;
  };
};

/** A team's water level and weakest stave over time, with every area per assessment, its targets and notes. */
export async function trendView(ctx: Ctx, teamId: string, now = new Date()): Promise<TrendView> {
  requireIds(teamId);
  // Under "the team and its leads only", another team's trend is refused plainly (and its reads return nothing).
  const [team, scored, targets, annotations] = await Promise.all([
    findTeamWithResults(ctx, teamId),
    listTeamScores(ctx, teamId),
    listTeamTargets(ctx, teamId),
    listAnnotations(ctx, teamId),
  ]);
  const versionIds = [...new Set(scored.map((s) => s.modelVersionId))];
  const models = new Map<string, Model>();
  await Promise.all(
    versionIds.map(async (id) => {
      const model = await getModelVersion(ctx.db, id);
      if (model) models.set(id, model);
    }),
  );
  const chart = shapeTrend(scored, { targets, annotations, now, models });
  const bounds = [...models.values()].map((m) => scoreRange(m));
  const scaleTops = bounds.map((b) => b.max);
  const byId = new Map(scored.map((s) => [s.assessmentId, s]));
  const later = scored.map(toLaterScore);
  const digits = [...models.values()].map(scoreDigits).reduce<ScoreDigits>((most, d) => (d > most ? d : most), 1);
  return {
    trend: {
      teamId: team.id,
      teamName: team.name,
      areas: chart.areas,
      decimals: digits,
      points: chart.points.map((p) => ({
        assessmentId: p.assessmentId,
        submittedAt: p.submittedAt,
        modelId: byId.get(p.assessmentId)!.modelId,
        modelVersion: byId.get(p.assessmentId)!.modelVersion,
        waterLevel: p.waterLevel,
        weakest: p.weakest,
        spill: p.spill,
        areas: chart.areas.map((a) => ({ areaId: a.areaId, score: p.areas[a.areaId] ?? null })),
        respondents: p.respondents,
      })),
      targets: targets
        .filter((t) => byId.has(t.assessmentId))
        .map(({ assessmentId, areaId, areaName, fromScore, level, dueOn, assessedOn }) => {
          const outcome = targetOutcome({ areaId, level, dueOn, assessedOn }, later, now);
          return {
            assessmentId,
            areaId,
            areaName,
            fromScore,
            level,
            dueOn,
            outcome: outcome.state === "reached" ? { ...outcome, on: isoDate(new Date(outcome.on)) } : outcome,
          };
        }),
      annotations: chart.annotations.map(({ id, on, text }) => ({ id, on, text })),
    },
    screen: {
      chart,
      max: scaleTops.length > 0 ? Math.max(...scaleTops) : 5,
      min: bounds.length > 0 ? Math.min(...bounds.map((b) => b.min)) : 1,
      digits,
      mostOftenWeakest: weakestSummary(chart),
      canEdit: allows(ctx.actor, "assessments.edit", team.scope) && !team.archivedAt,
      today: isoDate(now),
    },
  };
}
