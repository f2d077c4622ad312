import type { CarriedState } from "@/lib/carry";
import type { ScaleLevel } from "@/lib/model/schema";
import type { LocalAnswer } from "./local-answer";

/** Last cycle, as the questionnaire shows it: when it was, its answers (by this version's question ids) and the questions new since. */
export type LastCycle = { on: string; answers: Record<string, LocalAnswer>; added: string[] };

/** What a question says about last cycle's answer: waiting for review, kept, changed, or new in this version. */
export type ReviewMark =
  | { state: "unreviewed"; on: string }
  | { state: "same"; on: string }
  | { state: "changed"; on: string; was: string }
  | { state: "new" };

export function choiceLabel(choice: string | null, scale: readonly ScaleLevel[]): string {
  if (choice === "unsure") return "Unsure";
  if (choice === "not_applicable") return "Not applicable";
  const level = scale.find((l) => String(l.value) === choice);
  return level ? `${level.value} ${level.label}` : "no answer";
}

export function reviewMark(questionId: string, carried: CarriedState | undefined, local: LocalAnswer, last: LastCycle | undefined, scale: readonly ScaleLevel[]): ReviewMark | undefined {
  if (!last) return undefined;
  if (last.added.includes(questionId)) return { state: "new" };
  if (carried === "unreviewed") return { state: "unreviewed", on: last.on };
  const was = last.answers[questionId];
  if (!was || local.choice === null) return undefined;
  if (was.choice === local.choice) return carried === "reviewed" ? { state: "same", on: last.on } : undefined;
  return { state: "changed", on: last.on, was: choiceLabel(was.choice, scale) };
}
