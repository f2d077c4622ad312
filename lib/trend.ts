import { isoDate } from "./format";
import type { AssessmentScore } from "./scoring";

export type TrendInput = {
  assessmentId: string;
  submittedAt: Date;
  modelId: string;
  modelVersion: string;
  score: AssessmentScore;
};

export type TrendArea = { areaId: string; name: string };

export type TrendPoint = {
  assessmentId: string;
  submittedAt: string;
  /** Short label for the x axis, e.g. "2026-03-14". */
  label: string;
  modelVersion: string;
  /** True when this point was answered against another model version than the point before. */
  modelChanged: boolean;
  waterLevel: number | null;
  spill: number | null;
  weakest: string[];
  /** Area id → score (null when the area was not scored at that point or did not exist). */
  areas: Record<string, number | null>;
};

export type Trend = { areas: TrendArea[]; points: TrendPoint[] };

/**
 * Shapes a team's submitted assessments into a chartable series, oldest first.
 * Areas are listed in the order of the newest model, then any older areas that have since gone.
 */
export function shapeTrend(inputs: readonly TrendInput[]): Trend {
  const sorted = [...inputs].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const areas: TrendArea[] = [];
  const seen = new Set<string>();
  for (const input of [...sorted].reverse()) {
    for (const a of input.score.areas) {
      if (!seen.has(a.areaId)) {
        seen.add(a.areaId);
        areas.push({ areaId: a.areaId, name: a.name });
      }
    }
  }

  const points = sorted.map<TrendPoint>((input, i) => {
    const previous = sorted[i - 1];
    const byArea = new Map(input.score.areas.map((a) => [a.areaId, a.score]));
    return {
      assessmentId: input.assessmentId,
      submittedAt: input.submittedAt.toISOString(),
      label: isoDate(input.submittedAt),
      modelVersion: `${input.modelId}@${input.modelVersion}`,
      modelChanged:
        previous !== undefined &&
        (previous.modelId !== input.modelId || previous.modelVersion !== input.modelVersion),
      waterLevel: input.score.waterLevel,
      spill: input.score.spill,
      weakest: input.score.weakest,
      areas: Object.fromEntries(areas.map((a) => [a.areaId, byArea.get(a.areaId) ?? null])),
    };
  });
  return { areas, points };
}

/** How often each area was the (primary) weakest stave across the series. */
export function weakestCounts(trend: Trend): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(trend.areas.map((a) => [a.areaId, 0]));
  for (const p of trend.points) {
    const primary = p.weakest[0];
    if (primary) counts[primary] = (counts[primary] ?? 0) + 1;
  }
  return counts;
}
