import type { AnswerValue } from "@/lib/answer";

/** What the form holds for one question: the choice may be incomplete (N/A still without a reason). */
export type LocalAnswer = { choice: string | null; reason: string; note: string };

export const emptyLocalAnswer: LocalAnswer = { choice: null, reason: "", note: "" };

export function toLocalAnswer(value: AnswerValue, note: string | null): LocalAnswer {
  return {
    choice: value.kind === "level" ? String(value.level) : value.kind,
    reason: value.kind === "not_applicable" ? value.reason : "",
    note: note ?? "",
  };
}

/** The answer to save, or null while the choice is incomplete. */
export function toAnswerValue(local: LocalAnswer): AnswerValue | null {
  if (local.choice === null) return null;
  if (local.choice === "unsure") return { kind: "unsure" };
  if (local.choice === "not_applicable") {
    const reason = local.reason.trim();
    return reason ? { kind: "not_applicable", reason } : null;
  }
  return { kind: "level", level: Number(local.choice) };
}

/** Whether a question of these answers has a complete answer (what counts towards "answered"). */
export const answeredIn = (answers: Readonly<Record<string, LocalAnswer>>) => (questionId: string) =>
  toAnswerValue(answers[questionId] ?? emptyLocalAnswer) !== null;
