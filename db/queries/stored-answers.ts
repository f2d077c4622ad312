import "server-only";
import { answerFromColumns, type AnswerValue, type StoredAnswer } from "@/lib/answer";
import type { CarriedState } from "@/lib/carry";
import { answers, respondentAnswers } from "../schema";

// An answer row as pages use it, read the same way from the team's answers and from a respondent's own.

/** The columns a StoredAnswer is made of, of the team answers or of the respondents' own. */
export const storedAnswerColumns = (table: typeof answers | typeof respondentAnswers) => ({
  questionId: table.questionId,
  kind: table.kind,
  level: table.level,
  reason: table.reason,
  note: table.note,
  updatedAt: table.updatedAt,
  carried: table.carried,
});

type Row = {
  questionId: string;
  kind: AnswerValue["kind"];
  level: number | null;
  reason: string | null;
  note: string | null;
  updatedAt: Date;
  carried: CarriedState | null;
};

export const toStoredAnswer = (row: Row): StoredAnswer => ({
  questionId: row.questionId,
  value: answerFromColumns(row),
  note: row.note,
  updatedAt: row.updatedAt,
  carried: row.carried,
});
