/** A team's answer to one question (PRODUCT.md §2). */
export type AnswerValue =
  | { kind: "level"; level: number }
  | { kind: "unsure" }
  | { kind: "not_applicable"; reason: string };

export type AnswerKind = AnswerValue["kind"];

export const NOTE_MAX = 2000;
export const REASON_MAX = 500;
