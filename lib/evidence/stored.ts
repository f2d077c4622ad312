import { evidenceState, type EvidenceState } from "./expiry";

/** One answer's evidence as Stave keeps it (JSON-safe: days as "2026-03-02"). */
export type StoredEvidence = { questionId: string; items: string[]; effectiveOn: string; validFor: string; expiresOn: string };

/** Evidence with its state at a moment. */
export type EvidenceAt = StoredEvidence & { state: EvidenceState };

export const evidenceAt = (evidence: StoredEvidence, now: Date): EvidenceAt => ({
  ...evidence,
  state: evidenceState(evidence.effectiveOn, evidence.validFor, now),
});
