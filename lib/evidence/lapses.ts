import type { AnswerValue } from "../answer";
import { formatDate, formatScore } from "../format";
import { levelBounds } from "../model/lookup";
import { scoreDigits } from "../model/scoring-rules";
import type { Model } from "../model/schema";
import type { AssessmentScore } from "../scoring";

import type { LoweringRule } from "./stale-rule";

// Answers counted lower because their evidence lapsed (the organisation's rule, lib/evidence/stale-rule.ts),
// and what that moved since the assessment was submitted.

/** An answer counted lower because its evidence lapsed: on what day, and by which rule. */
export type EvidenceLapse = { questionId: string; expiredOn: string; counted: LoweringRule };

/**
 * The answers as scores count them once evidence lapsed: a level answer one level lower (never below
 * the lowest) or unsure. Unsure already counts as the lowest level; not applicable stays out.
 */
export function lowerLapsed(model: Pick<Model, "scale">, answers: ReadonlyMap<string, AnswerValue>, lapses: readonly Omit<EvidenceLapse, "expiredOn">[]) {
  const lowest = levelBounds(model).min;
  const counted = new Map(answers);
  for (const { questionId, counted: rule } of lapses) {
    const value = answers.get(questionId);
    if (value?.kind !== "level") continue;
    if (rule === "as_unsure") counted.set(questionId, { kind: "unsure" });
    else counted.set(questionId, { kind: "level", level: Math.max(lowest, value.level - 1) });
  }
  return counted;
}

/** Whether a lapse lowers the answer it belongs to: only a level answer above the lowest level moves. */
export const lowers = (model: Pick<Model, "scale">, value: AnswerValue | undefined) => value?.kind === "level" && value.level > levelBounds(model).min;

export type LapseMove = {
  areaId: string;
  name: string;
  from: number | null;
  to: number | null;
  /** "Security fell from 2.6 to 2.3 because the evidence for “Penetration testing” expired on 2 Mar 2027." */
  sentence: string;
};

export type LapseMoves = { waterLevel: { from: number | null; to: number | null }; areas: LapseMove[] };

const listed = (items: readonly string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/**
 * What lapsed evidence moved since submission: each area with a lapse, from its score without the
 * lapses to its score with them, and why, in one sentence. Lapses that changed nothing (an answer
 * already at the lowest level) are left out.
 */
export function lapseMoves(
  model: Model,
  answers: ReadonlyMap<string, AnswerValue>,
  lapses: readonly EvidenceLapse[],
  scores: { without: AssessmentScore; with: AssessmentScore },
): LapseMoves | null {
  const digits = scoreDigits(model);
  const moving = new Set(lapses.filter((l) => lowers(model, answers.get(l.questionId))).map((l) => l.questionId));
  if (moving.size === 0) return null;
  const before = new Map(scores.without.areas.map((a) => [a.areaId, a.score]));
  const after = new Map(scores.with.areas.map((a) => [a.areaId, a.score]));
  const areas = model.areas.flatMap<LapseMove>((area) => {
    const lapsed = area.questions.flatMap((q) => {
      const lapse = lapses.find((l) => l.questionId === q.id && moving.has(q.id));
      return lapse ? [{ title: q.title, expiredOn: lapse.expiredOn }] : [];
    });
    if (lapsed.length === 0) return [];
    const from = before.get(area.id) ?? null;
    const to = after.get(area.id) ?? null;
    const verb =
      from !== null && to !== null && to < from
        ? `fell from ${formatScore(from, digits)} to ${formatScore(to, digits)}`
        : `stays at ${formatScore(to, digits)}`;
    const why = lapsed.map((l) => `the evidence for “${l.title}” expired on ${formatDate(l.expiredOn)}`);
    return [{ areaId: area.id, name: area.name, from, to, sentence: `${area.name} ${verb} because ${listed(why)}.` }];
  });
  return { waterLevel: { from: scores.without.waterLevel, to: scores.with.waterLevel }, areas };
}
