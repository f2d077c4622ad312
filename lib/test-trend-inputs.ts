import type { AreaScore, AssessmentScore } from "./scoring";
import type { TrendInput } from "./trend";

// Builds the trend tests' inputs. Pure: no I/O, same input → same value.

/** A score with the given area scores; the headline figures are given, not computed, to isolate shapeTrend. */
export function score(
  areas: [id: string, score: number | null][],
  headline: { waterLevel: number | null; weakest: string[]; spill: number | null },
): AssessmentScore {
  return {
    areas: areas.map<AreaScore>(([areaId, s]) => ({
      areaId,
      name: areaId.toUpperCase(),
      score: s,
      percent: null,
      sum: 0,
      scored: 0,
      unsure: 0,
      notApplicable: 0,
      unanswered: 0,
    })),
    ...headline,
    mean: null,
  };
}

/** An assessment submitted at `date` on `model`, written "id@version". */
export const input = (assessmentId: string, date: string, model: string, s: AssessmentScore): TrendInput => {
  const [modelId, modelVersion] = model.split("@") as [string, string];
  return { assessmentId, submittedAt: new Date(date), modelId, modelVersion, score: s };
};
