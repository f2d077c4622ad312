import type { AnswerValue } from "./answer";
import type { ResultsAnswer, ResultsEvidence, ResultsMeasured } from "./contracts/results";
import { quarterKey, type Quarter } from "./dashboard/quarter";
import type { EvidenceLapse } from "./evidence/lapses";
import type { EvidenceAt } from "./evidence/stored";
import type { MeasuredMetric } from "./model/measured-by";

// A submitted assessment's answers as they leave Stave (the API, webhooks, CSV): each with its
// evidence and its state at the moment asked, and what delivery data measured at submission.

/** What was measured for one question when the assessment was submitted (db: measured_levels). */
export type KeptMeasurement = { questionId: string; metric: MeasuredMetric; quarter: Quarter; metricValue: number; level: number; capped: boolean };

export const resultsEvidence = ({ items, effectiveOn, validFor, expiresOn, state }: EvidenceAt): ResultsEvidence => ({
  items,
  effectiveOn,
  validFor,
  expiresOn,
  state: state.state,
});

export const resultsMeasured = ({ metric, quarter, metricValue, level, capped }: KeptMeasurement): ResultsMeasured => ({
  metric,
  quarter: quarterKey(quarter),
  metricValue,
  level,
  capped,
});

/** The answers with their evidence (by question) and measurements; the notes only when `notes`. */
export function resultsAnswers(
  answers: readonly { questionId: string; value: AnswerValue; note: string | null }[],
  {
    notes,
    evidence,
    measured,
    lapses = [],
  }: { notes: boolean; evidence: Readonly<Record<string, EvidenceAt>>; measured: readonly KeptMeasurement[]; lapses?: readonly EvidenceLapse[] },
): ResultsAnswer[] {
  const measuredOf = new Map(measured.map((m) => [m.questionId, m]));
  const lapseOf = new Map(lapses.map((l) => [l.questionId, l]));
  return answers.map(({ questionId, value, note }) => {
    const kept = measuredOf.get(questionId);
    const saved = evidence[questionId];
    return {
      questionId,
      value,
      ...(notes ? { note } : {}),
      evidence: saved ? resultsEvidence(saved) : null,
      measured: kept ? resultsMeasured(kept) : null,
      lapsed: lapseOf.has(questionId) ? { expiredOn: lapseOf.get(questionId)!.expiredOn, counted: lapseOf.get(questionId)!.counted } : null,
    };
  });
}
