import type { AnswerValue } from "./answer";
import { matchQuestions } from "./model/changes";
import type { Model } from "./model/schema";

// The next assessment starts from the last one (PRODUCT.md §2–3, Self-assessment): every question
// the team answered last cycle starts with that answer, marked as carried until someone reviews it
// (confirms it unchanged, or changes it). Questions new in this version start empty. An answer
// that is not yet reviewed cannot be submitted, so a team never hands in last quarter's answers
// without looking at them.

/** A carried answer is not yet reviewed, or reviewed (confirmed or changed); an answer given in this assessment is not carried (null). */
export const CARRIED_STATES = ["unreviewed", "reviewed"] as const;
export type CarriedState = (typeof CARRIED_STATES)[number];

/** How a new assessment starts: from the team's last answers to the model, or blank. */
export const START_FROM = ["last", "blank"] as const;
export type StartFrom = (typeof START_FROM)[number];

export type CarriedAnswer = { questionId: string; value: AnswerValue; note: string | null };

export type Carry = {
  /** The answers the new assessment starts with, in model order. */
  answers: CarriedAnswer[];
  /** Questions new in this version: no question answered last time matches them. */
  added: string[];
};

/**
 * What a new assessment of `to` starts with, from a submitted assessment of `from` (the same model,
 * perhaps another version): each question takes the answer of the same question last time, matched
 * by id or by the id it `replaces`. Answers to questions the new version no longer has are left
 * behind, and so is a level the new version's scale does not have.
 */
export function carryAnswers(from: { model: Model; answers: ReadonlyMap<string, { value: AnswerValue; note: string | null }> }, to: Model): Carry {
  const matched = matchQuestions(from.model, to);
  const levels = new Set(to.scale.map((l) => l.value));
  const carry: Carry = { answers: [], added: [] };
  for (const question of to.areas.flatMap((a) => a.questions)) {
    const earlierId = matched.get(question.id);
    if (earlierId === undefined) {
      carry.added.push(question.id);
      continue;
    }
    const last = from.answers.get(earlierId);
    if (last && (last.value.kind !== "level" || levels.has(last.value.level))) carry.answers.push({ questionId: question.id, value: last.value, note: last.note });
  }
  return carry;
}

/** Why a draft cannot be submitted yet, when carried answers wait for review. */
export const unreviewedText = (n: number) =>
  `${n} carried answer${n === 1 ? " is" : "s are"} not yet reviewed. Confirm ${n === 1 ? "it" : "each"} unchanged (“Nothing changed” confirms a whole area) or change ${n === 1 ? "it" : "them"} before submitting.`;
