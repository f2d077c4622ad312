import type { CarriedState } from "./carry";

/** A team's answer to one question. */
export type AnswerValue = { kind: "level"; level: number } | { kind: "unsure" } | { kind: "not_applicable"; reason: string };

export type AnswerKind = AnswerValue["kind"];
export const ANSWER_KINDS = ["level", "unsure", "not_applicable"] as const satisfies readonly AnswerKind[];

/** An answer as pages use it: the value, its note, when it was last saved and, when carried from the last assessment, whether it has been reviewed. */
export type StoredAnswer = { questionId: string; value: AnswerValue; note: string | null; updatedAt: Date; carried?: CarriedState | null };

/** How an answer is kept in a row: a kind, and a level or a reason as the kind needs. */
export type AnswerColumns = { kind: AnswerKind; level: number | null; reason: string | null };

export function answerColumns(value: AnswerValue): AnswerColumns {
  return {
    kind: value.kind,
    level: value.kind === "level" ? value.level : null,
    reason: value.kind === "not_applicable" ? value.reason : null,
  };
}

export function answerFromColumns(row: AnswerColumns): AnswerValue {
  if (row.kind === "unsure") return { kind: "unsure" };
  if (row.kind === "not_applicable") return { kind: "not_applicable", reason: row.reason ?? "" };
  if (row.level === null) throw new Error("an answer of kind level has no level");
  return { kind: "level", level: row.level };
}

/**
 * The level an answer counts as in scores, or null when it is left out (not applicable). "Unsure"
 * counts as the lowest level: if nobody on the team knows, the practice is not reliably there.
 */
export function countedLevel(value: AnswerValue, lowest: number): number | null {
  if (value.kind === "level") return value.level;
  if (value.kind === "unsure") return lowest;
  return null;
}

export function toAnswerMap(stored: readonly Pick<StoredAnswer, "questionId" | "value">[]): Map<string, AnswerValue> {
  return new Map(stored.map((a) => [a.questionId, a.value]));
}

export const NOTE_MAX = 2000;
export const REASON_MAX = 500;
