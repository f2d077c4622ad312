import { countedLevel, type AnswerValue } from "./answer";
import { isOpen, type ImprovementAction } from "./improvement-actions";
import { findQuestion, nextStepFor } from "./model/lookup";
import type { Model } from "./model/schema";
import { ACTION_DESCRIPTION_MAX, ACTION_TITLE_MAX } from "./validation/limits";

// Advice becomes an action in one click: a question's next step (the guidance to reach the level
// above its answer) turned into an improvement action aimed at that question, titled after the
// question and the level it reaches, with the guidance as its description.

/** The next step of one question, from its answer: the level it reaches and how. */
export type NextStep = {
  areaId: string;
  questionId: string;
  questionTitle: string;
  /** The level the step reaches, and its label on the model's scale. */
  level: number;
  levelLabel: string;
  text: string;
};

/** A question's next step; undefined at the top level, for "not applicable", without an answer or outside the model. */
export function nextStepOf(model: Model, questionId: string, value: AnswerValue | undefined): NextStep | undefined {
  const found = findQuestion(model, questionId);
  const text = found && nextStepFor(found.question, model.scale, value);
  if (!found || !text || !value) return undefined;
  const index = model.scale.findIndex((l) => l.value === countedLevel(value, model.scale[0]!.value));
  const next = model.scale[index + 1]!;
  return { areaId: found.area.id, questionId, questionTitle: found.question.title, level: next.value, levelLabel: next.label, text };
}

/** Why a question has no next step to act on, in words; undefined when it has one. */
export function noStepReason(model: Model, questionId: string, value: AnswerValue | undefined): string | undefined {
  const found = findQuestion(model, questionId);
  if (!found) return "That question is not in this assessment's model.";
  if (nextStepOf(model, questionId, value)) return undefined;
  const title = found.question.title;
  if (!value) return `“${title}” has no answer on this assessment, so it has no next step.`;
  if (value.kind === "not_applicable") return `“${title}” is not applicable to this team, so it has no next step.`;
  return `“${title}” is already at the top level: there is no next step to act on.`;
}

const ELLIPSIS = "…";

/** Text cut to `max` characters, ending in an ellipsis when it was cut. */
function fitTo(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - ELLIPSIS.length).trimEnd()}${ELLIPSIS}`;
}

/** "Alerting: reach Managed", within an action title's limit: a long question title is shortened, never the level. */
export function stepActionTitle(step: Pick<NextStep, "questionTitle" | "levelLabel">): string {
  const tail = `: reach ${step.levelLabel}`;
  return `${fitTo(step.questionTitle, ACTION_TITLE_MAX - tail.length)}${tail}`;
}

/** The action a next step becomes: aimed at its question, planned, without an owner or a due date. */
export function stepAction(step: NextStep) {
  return {
    title: stepActionTitle(step),
    description: fitTo(step.text, ACTION_DESCRIPTION_MAX),
    aim: { kind: "question" as const, id: step.questionId },
    status: "planned" as const,
    owner: null,
    dueOn: null,
  };
}

/** The open action that already carries this step (same question, same title), if any. */
export function actionForStep<A extends Pick<ImprovementAction, "questionId" | "title" | "status">>(actions: readonly A[], step: NextStep): A | undefined {
  const title = stepActionTitle(step);
  return actions.find((a) => a.questionId === step.questionId && a.title === title && isOpen(a.status));
}
