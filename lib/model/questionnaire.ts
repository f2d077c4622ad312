import { questionCost, type QuestionCost } from "../answering-time";
import { levelHeadlines } from "./headlines";
import type { Model, Question, ScaleLevel } from "./schema";

/**
 * What the questionnaire shows of one question, and nothing more (no references): it is sent to the
 * browser. Every level has a headline (the model's, or its descriptor's first sentence).
 */
export type QuestionText = Pick<Question, "id" | "title" | "prompt" | "why" | "levels" | "evidence" | "coverage" | "next" | "criteria"> & {
  headlines: string[];
};

/**
 * The questionnaire's outline: the scale and each area with its question ids and what each costs
 * to read (for the time left). The questions' text travels one area at a time (the area it opens at
 * with the page, the others as they are reached), so a phone does not download and parse the whole
 * model before it can answer the first question.
 */
export type QuestionnaireOutline = {
  scale: ScaleLevel[];
  areas: { id: string; name: string; summary: string; questionIds: string[]; costs: QuestionCost[] }[];
};

const textOf = ({ id, title, prompt, why, levels, evidence, coverage, next, headlines, criteria }: Question): QuestionText => ({
  id,
  title,
  prompt,
  why,
  levels,
  headlines: levelHeadlines({ levels, headlines }),
  ...(evidence && { evidence }),
  ...(coverage && { coverage }),
  ...(criteria && { criteria }),
  next,
});

export function questionnaireOutline(model: Model): QuestionnaireOutline {
  return {
    scale: model.scale,
    areas: model.areas.map(({ id, name, summary, questions }) => ({
      id,
      name,
      summary,
      questionIds: questions.map((q) => q.id),
      costs: questions.map((q) => questionCost(textOf(q))),
    })),
  };
}

/** The text of one area's questions, or undefined when the model has no such area. */
export function areaQuestions(model: Model, areaId: string): QuestionText[] | undefined {
  return model.areas.find((a) => a.id === areaId)?.questions.map(textOf);
}

/** Where answering resumes: the first question still needing the person (unanswered, or carried and not yet reviewed), and the index of its area (the first area when none does). */
export function resumePoint(outline: QuestionnaireOutline, isDone: (questionId: string) => boolean): { questionId?: string; areaIndex: number } {
  for (const [areaIndex, area] of outline.areas.entries()) {
    const questionId = area.questionIds.find((id) => !isDone(id));
    if (questionId) return { questionId, areaIndex };
  }
  return { areaIndex: 0 };
}

/** Every question's reading cost, in model order. */
export const questionCosts = (outline: QuestionnaireOutline) =>
  outline.areas.flatMap((area) => area.questionIds.map((questionId, i) => ({ questionId, cost: area.costs[i]! })));
