import type { Area, Model, Question } from "./schema";

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

export function scaleBounds(model: Model): { min: number; max: number } {
  return { min: model.scale[0]!.value, max: model.scale[model.scale.length - 1]!.value };
}
