import { countedLevel, type AnswerValue } from "../answer";
import type { Area, Model, Question, ScaleLevel } from "./schema";
import { levelScore } from "./scoring-rules";

export type QuestionInModel = { area: Area; question: Question; index: number };

/** Every question in model order, with its area. */
export function questionsOf(model: Model): QuestionInModel[] {
  let index = 0;
  return model.areas.flatMap((area) => area.questions.map((question) => ({ area, question, index: index++ })));
}

export function findQuestion(model: Model, questionId: string): QuestionInModel | undefined {
  return questionsOf(model).find((q) => q.question.id === questionId);
}

export function levelLabel(model: Model, value: number): string {
  return model.scale.find((l) => l.value === value)?.label ?? String(value);
}

/** What an unsure answer counts for in scores: the lowest level's score (1 on a 1–5 scale, 0 under SAMM's scoring). */
export function unsureCounts(model: Pick<Model, "scale" | "scoring">): number {
  return levelScore(model, countedLevel({ kind: "unsure" }, model.scale[0]!.value)!);
}

/**
 * An answer as every page names it: "3 · Defined", "Not applicable", "No answer", and "Unsure
 * (counted as 1)" with what unsure scores under the model's scoring (0 under SAMM's).
 */
export function answerLabel(model: Pick<Model, "scale" | "scoring">, value: AnswerValue | undefined | null): string {
  if (!value) return "No answer";
  if (value.kind === "unsure") return `Unsure (counted as ${unsureCounts(model)})`;
  if (value.kind === "not_applicable") return "Not applicable";
  return `${value.level} · ${model.scale.find((l) => l.value === value.level)?.label ?? value.level}`;
}

/**
 * The lowest and highest level an answer may give: the scale's values. Not the scores: a model that
 * declares its scoring (SAMM) scores on another range, which `scoreRange` gives.
 */
export function levelBounds(model: Pick<Model, "scale">): { min: number; max: number } {
  return { min: model.scale[0]!.value, max: model.scale[model.scale.length - 1]!.value };
}

/**
 * The guidance to reach the next level from this answer ("unsure" counts as the lowest level),
 * or undefined at the top, for "not applicable" or without an answer.
 */
export function nextStepFor(question: Pick<Question, "next">, scale: readonly ScaleLevel[], value: AnswerValue | undefined | null): string | undefined {
  const level = value ? countedLevel(value, scale[0]!.value) : null;
  if (level === null) return undefined;
  const index = scale.findIndex((l) => l.value === level);
  return index >= 0 ? question.next[index] : undefined;
}
