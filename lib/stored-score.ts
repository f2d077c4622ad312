import type { AreaScore, AssessmentScore } from "./scoring";

/** An assessment's headline figures as they are kept once it is submitted. */
export type StoredHeadline = {
  waterLevel: number | null;
  weakest: string[];
  spill: number | null;
  mean: number | null;
  levelAnswers: number;
  unsureAnswers: number;
  notApplicableAnswers: number;
};

/** One area's figures as they are kept, in model order (`position`). */
export type StoredAreaScore = AreaScore & { position: number };

/** The rows a submitted assessment's score is kept as: one headline and one row per area. */
export function toStoredScore(score: AssessmentScore): { headline: StoredHeadline; areas: StoredAreaScore[] } {
  const total = (key: "scored" | "unsure" | "notApplicable") => score.areas.reduce((n, a) => n + a[key], 0);
  return {
    headline: {
      waterLevel: score.waterLevel,
      weakest: [...score.weakest],
      spill: score.spill,
      mean: score.mean,
      levelAnswers: total("scored") - total("unsure"),
      unsureAnswers: total("unsure"),
      notApplicableAnswers: total("notApplicable"),
    },
    areas: score.areas.map((area, position) => ({ ...area, position })),
  };
}

/** The score again, from the kept rows (areas in any order). */
export function fromStoredScore(headline: StoredHeadline, areas: readonly StoredAreaScore[]): AssessmentScore {
  return {
    areas: [...areas]
      .sort((a, b) => a.position - b.position)
      .map(({ areaId, name, score, percent, sum, scored, unsure, notApplicable, unanswered }) => ({
        areaId,
        name,
        score,
        percent,
        sum,
        scored,
        unsure,
        notApplicable,
        unanswered,
      })),
    waterLevel: headline.waterLevel,
    weakest: [...headline.weakest],
    spill: headline.spill,
    mean: headline.mean,
  };
}
