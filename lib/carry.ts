import type { AnswerValue } from "./answer";
import { matchQuestions } from "./model/changes";
import type { Model } from "./model/schema";
import type { WhatMoved } from "./what-moved";
import { plural } from "./words";

// The next assessment starts from the last one, so coming back each quarter costs minutes: every
// question the team answered last cycle starts with that answer, marked as carried until someone
// reviews it (confirms it unchanged, or changes it). Questions new in this version start empty. An
// answer that is not yet reviewed cannot be submitted, so a team never hands in last quarter's
// answers without looking at them.

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
    if (last && (last.value.kind !== "level" || levels.has(last.value.level)))
      carry.answers.push({ questionId: question.id, value: last.value, note: last.note });
  }
  return carry;
}

/** Why a draft cannot be submitted yet, when carried answers wait for review. */
export const unreviewedText = (n: number) =>
  `${n} carried answer${n === 1 ? " is" : "s are"} not yet reviewed. Confirm ${n === 1 ? "it" : "each"} unchanged (“Nothing changed” confirms a whole area) or change ${n === 1 ? "it" : "them"} before submitting.`;

/**
 * What reviewing the carried answers came to, once submitted: compared with the assessment it was
 * started from, the answers of questions in both that stayed as they were, those that changed (in
 * kind or level; a note or a reason alone is no change) and the questions new in this version.
 */
export type ReviewCounts = { unchanged: number; changed: number; added: number };

/** The review counts, from "what moved" between the assessment a draft was started from and the submitted one. */
export function reviewCounts(moved: Pick<WhatMoved, "areas" | "added">, after: Pick<Model, "areas">): ReviewCounts {
  const questions = after.areas.reduce((n, a) => n + a.questions.length, 0);
  const changed = moved.areas.reduce((n, a) => n + a.changes.length, 0);
  const added = moved.added.length;
  return { unchanged: questions - added - changed, changed, added };
}

/** "38 answers reviewed unchanged, 2 changed; 3 new questions answered". */
export function reviewText({ unchanged, changed, added }: ReviewCounts): string {
  const reviewed = `${plural(unchanged, "answer")} reviewed unchanged, ${changed === 0 ? "none" : changed} changed`;
  return added === 0 ? reviewed : `${reviewed}; ${plural(added, "new question")} answered`;
}

/**
 * How far a draft is, said the same way everywhere: "40 of 40 answered, 38 to review". An answer
 * carried from last cycle counts as answered (it has one), and as to review until someone has.
 */
export function answeredText({ answered, toReview, total }: { answered: number; toReview: number; total: number }, own = false): string {
  const counted = own ? `you have answered ${answered} of ${total}` : `${answered} of ${total} answered`;
  return toReview > 0 ? `${counted}, ${toReview} to review` : counted;
}
