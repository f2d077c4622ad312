import type { Model, Question, ScaleLevel } from "./schema";

/** What the questionnaire shows of one question, and nothing more (no references): it is sent to the browser. */
export type QuestionText = Pick<Question, "id" | "title" | "prompt" | "why" | "levels" | "evidence" | "coverage" | "next">;

/**
 * The questionnaire's outline: the scale and each area with its question ids. The questions' text
 * travels one area at a time (the area it opens at with the page, the others as they are reached),
 * so a phone does not download and parse the whole model before it can answer the first question.
 */
export type QuestionnaireOutline = {
  scale: ScaleLevel[];
  areas: { id: string; name: string; summary: string; questionIds: string[] }[];
};

export function questionnaireOutline(model: Model): QuestionnaireOutline {
  return {
    scale: model.scale,
    areas: model.areas.map(({ id, name, summary, questions }) => ({ id, name, summary, questionIds: questions.map((q) => q.id) })),
  };
}

/** The text of one area's questions, or undefined when the model has no such area. */
export function areaQuestions(model: Model, areaId: string): QuestionText[] | undefined {
  return model.areas
    .find((a) => a.id === areaId)
    ?.questions.map(({ id, title, prompt, why, levels, evidence, coverage, next }) => ({
      id,
      title,
      prompt,
      why,
      levels,
      ...(evidence && { evidence }),
      ...(coverage && { coverage }),
      next,
    }));
}

/** Where answering resumes: the first question without an answer, and the index of its area (the first area when all are answered). */
export function resumePoint(outline: QuestionnaireOutline, isAnswered: (questionId: string) => boolean): { questionId?: string; areaIndex: number } {
  for (const [areaIndex, area] of outline.areas.entries()) {
    const questionId = area.questionIds.find((id) => !isAnswered(id));
    if (questionId) return { questionId, areaIndex };
  }
  return { areaIndex: 0 };
}
