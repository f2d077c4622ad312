import type { AnswerValue } from "../answer";
import type { Quarter } from "../dashboard/quarter";
import { questionsOf } from "../model/lookup";
import type { Model } from "../model/schema";
import type { DeliveryMetrics } from "./metrics";
import { measuredLevel, type MeasuredLevel } from "./measured-level";

// The measured questions of an assessment: what the team answered beside what its delivery data
// says, and, where the organisation lets the data cap answers, the answers scores are computed from.

export type MeasuredAnswer = MeasuredLevel & {
  questionId: string;
  areaId: string;
  /** The level the team answered; null for unsure, not applicable or no answer. */
  answered: number | null;
  /** The answer is above what the data says. */
  above: boolean;
};

/** A measured question on the results: what the data says beside the answer, and whether it capped the answer in the scores. */
export type MeasuredResult = {
  questionId: string;
  areaId: string;
  level: number;
  /** "You answered 4 · Managed; deployments say 2 (0.5 a week)". */
  sentence: string;
  /** "deployment frequency 0.5 a week in 2026 Q3". */
  reading: string;
  /** "2026 Q3": the quarter measured. */
  quarter: string;
  /** The answer is above what the data says. */
  above: boolean;
  /** The scores count the measured level instead of the answer (the organisation's choice, at submission). */
  capped: boolean;
};

/** The questions of a model that a delivery metric measures. */
export const measuredQuestions = (model: Model) => questionsOf(model).filter(({ question }) => question.measured_by);

/** Each measured question the data has a level for, in model order, from the metrics of one quarter. */
export function measuredAnswers(
  model: Model,
  answers: ReadonlyMap<string, AnswerValue>,
  quarter: Quarter,
  metrics: DeliveryMetrics | undefined,
): MeasuredAnswer[] {
  const scale = model.scale.map((l) => l.value);
  return measuredQuestions(model).flatMap(({ area, question }) => {
    const measured = measuredLevel(question.measured_by!, scale, quarter, metrics);
    if (!measured) return [];
    const value = answers.get(question.id);
    const answered = value?.kind === "level" ? value.level : null;
    return [{ ...measured, questionId: question.id, areaId: area.id, answered, above: answered !== null && answered > measured.level }];
  });
}

/**
 * The answers as scores count them when the measured level caps them: an answered level above the
 * measured one counts as the measured one. Unsure already counts as the lowest level; not applicable
 * stays out of scores (the data cannot say a practice applies).
 */
export function capAnswers(answers: ReadonlyMap<string, AnswerValue>, caps: readonly Pick<MeasuredAnswer, "questionId" | "level">[]): Map<string, AnswerValue> {
  const capped = new Map(answers);
  for (const { questionId, level } of caps) {
    const value = answers.get(questionId);
    if (value?.kind === "level" && value.level > level) capped.set(questionId, { kind: "level", level });
  }
  return capped;
}

/** The areas whose staves the data lowered: those with an answer counted lower than it was given. */
export const loweredAreas = (measured: readonly MeasuredAnswer[]): string[] => [...new Set(measured.filter((m) => m.above).map((m) => m.areaId))];
