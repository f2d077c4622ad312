import { type AnswerValue, countedLevel } from "./answer";
import { levelScore, rollUp, rollupOf, scoreDigits, scoreRange } from "./model/scoring-rules";
import type { Model } from "./model/schema";
import { roundHalfUp } from "./round";

export type AreaScore = {
  areaId: string;
  name: string;
  /** The area's answers rolled up as the model says (by default their mean), to the model's decimals; null when nothing in the area is scored. */
  score: number | null;
  /** The score as a share of the scale range, 0–100; null with the score. */
  percent: number | null;
  /** Sum of the answers' scores and their count, for "how was this computed". */
  sum: number;
  scored: number;
  unsure: number;
  notApplicable: number;
  unanswered: number;
};

export type AssessmentScore = {
  areas: AreaScore[];
  /** The lowest area score: how much water the barrel holds. */
  waterLevel: number | null;
  /** Areas at the water level in model order; the first is the primary weakest stave. */
  weakest: string[];
  /** Mean area score minus the water level: capability above the lowest stave that holds no water. */
  spill: number | null;
  mean: number | null;
};

/**
 * Bump when the rules below change: stored scores of an older version are computed again at start-up.
 * 2: scores are rounded to the model's decimals (SAMM's two), no longer always to one.
 */
export const SCORING_VERSION = 2;

export { roundHalfUp } from "./round";

/**
 * Scores answers against a model. Scores are rounded to the model's decimals (`scoreDigits`) before
 * they are compared, so the water level, the weakest staves (and their ties) and the spill follow
 * from the figures a user sees.
 */
export function scoreAssessment(model: Model, answers: ReadonlyMap<string, AnswerValue>): AssessmentScore {
  const digits = scoreDigits(model);
  const round = (n: number) => roundHalfUp(n, digits);
  const lowest = model.scale[0]!.value;
  const { min, max } = scoreRange(model);
  const tiers = rollupOf(model);
  const areas = model.areas.map<AreaScore>((area) => {
    const tally = { sum: 0, scored: 0, unsure: 0, notApplicable: 0, unanswered: 0 };
    const counts = new Map<string, number>();
    for (const question of area.questions) {
      const answer = answers.get(question.id);
      if (!answer) {
        tally.unanswered++;
        continue;
      }
      const counted = countedLevel(answer, lowest);
      if (counted === null) tally.notApplicable++;
      else {
        tally.scored++;
        if (answer.kind === "unsure") tally.unsure++;
        const score = levelScore(model, counted);
        tally.sum += score;
        counts.set(question.id, score);
      }
    }
    const raw = rollUp(area, tiers, (id) => counts.get(id) ?? null);
    const score = raw === null ? null : round(raw);
    const percent = score === null ? null : roundHalfUp(((score - min) / (max - min)) * 100, 0);
    return { areaId: area.id, name: area.name, score, percent, ...tally };
  });

  const scored = areas.filter((a): a is AreaScore & { score: number } => a.score !== null);
  if (scored.length === 0) return { areas, waterLevel: null, weakest: [], spill: null, mean: null };

  const waterLevel = Math.min(...scored.map((a) => a.score));
  const mean = round(scored.reduce((s, a) => s + a.score, 0) / scored.length);
  return {
    areas,
    waterLevel,
    weakest: scored.filter((a) => a.score === waterLevel).map((a) => a.areaId),
    spill: round(mean - waterLevel),
    mean,
  };
}

/** Question ids of the model that have no answer yet, in model order. */
export function unansweredQuestions(model: Model, answers: ReadonlyMap<string, AnswerValue>): string[] {
  return model.areas.flatMap((a) => a.questions.filter((q) => !answers.has(q.id)).map((q) => q.id));
}
