import type { AnswerValue } from "@/lib/answer";
import type { Answer } from "../schema";

/** An answer as pages use it: the value, its note and when it was last saved. */
export type StoredAnswer = { questionId: string; value: AnswerValue; note: string | null; updatedAt: Date };

export function toStoredAnswer(row: Answer): StoredAnswer {
  const value: AnswerValue =
    row.kind === "level"
      ? { kind: "level", level: row.level! }
      : row.kind === "unsure"
        ? { kind: "unsure" }
        : { kind: "not_applicable", reason: row.reason ?? "" };
  return { questionId: row.questionId, value, note: row.note, updatedAt: row.updatedAt };
}

export function toAnswerMap(stored: readonly StoredAnswer[]): Map<string, AnswerValue> {
  return new Map(stored.map((a) => [a.questionId, a.value]));
}
