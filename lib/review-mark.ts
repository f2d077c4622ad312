import type { AnswerValue } from "./answer";
import type { CarriedState } from "./carry";
import { answerLabel } from "./model/lookup";
import type { Model } from "./model/schema";

// What each question of a draft says about last cycle's answer (lib/carry.ts), in the questionnaire.

/** A question's choice as the questionnaire holds it: a level ("3"), "unsure", "not_applicable", or none yet. */
type Chosen = { choice: string | null };

/** Last cycle, as the questionnaire shows it: when it was, its answers (by this version's question ids) and the questions new since. */
export type LastCycle = { on: string; answers: Record<string, Chosen>; added: string[] };

/** What a question says about last cycle's answer: waiting for review, kept, changed, or new in this version. */
export type ReviewMark = { state: "unreviewed"; on: string } | { state: "same"; on: string } | { state: "changed"; on: string; was: string } | { state: "new" };

/** The answer a choice stands for, to name it (a not-applicable reason does not matter here). */
const chosenValue = (choice: string | null): AnswerValue | undefined =>
  choice === null
    ? undefined
    : choice === "unsure"
      ? { kind: "unsure" }
      : choice === "not_applicable"
        ? { kind: "not_applicable", reason: "" }
        : { kind: "level", level: Number(choice) };

export function reviewMark(
  questionId: string,
  carried: CarriedState | undefined,
  local: Chosen,
  last: LastCycle | undefined,
  model: Pick<Model, "scale" | "scoring">,
): ReviewMark | undefined {
  if (!last) return undefined;
  if (last.added.includes(questionId)) return { state: "new" };
  if (carried === "unreviewed") return { state: "unreviewed", on: last.on };
  const was = last.answers[questionId];
  if (!was || local.choice === null) return undefined;
  if (was.choice === local.choice) return carried === "reviewed" ? { state: "same", on: last.on } : undefined;
  return { state: "changed", on: last.on, was: answerLabel(model, chosenValue(was.choice)) };
}
