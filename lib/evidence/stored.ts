import { evidenceState, type EvidenceState } from "./expiry";
import { defaultValidityFor } from "./validity";

/** One answer's evidence as Stave keeps it (JSON-safe: days as "2026-03-02"). */
export type StoredEvidence = { questionId: string; items: string[]; effectiveOn: string; validFor: string; expiresOn: string };

/** Evidence with its state at a moment. */
export type EvidenceAt = StoredEvidence & { state: EvidenceState };

/** An assessment's evidence as a screen shows it. */
export type AssessmentEvidence = {
  /** Today on the server's clock ("2026-03-02"): evidence cannot take effect later. */
  today: string;
  /** Each answer's evidence with its state now, by question. */
  saved: Record<string, EvidenceAt>;
  /** The validity new evidence for each question starts with. */
  defaults: Record<string, string>;
};

export const evidenceAt = (evidence: StoredEvidence, now: Date): EvidenceAt => ({
  ...evidence,
  state: evidenceState(evidence.effectiveOn, evidence.validFor, now),
});

/** Each question's starting validity for new evidence: its own, else the organisation's. */
export function validityDefaults(
  model: { areas: readonly { questions: readonly { id: string; evidence_valid_for?: string }[] }[] },
  organisationDefault: string,
) {
  return Object.fromEntries(model.areas.flatMap((a) => a.questions.map((q) => [q.id, defaultValidityFor(q, organisationDefault)])));
}

/** How many answers of each area have stale evidence, by area id (areas without any are left out). */
export function staleByArea(
  model: { areas: readonly { id: string; questions: readonly { id: string }[] }[] },
  evidence: readonly EvidenceAt[],
): Record<string, number> {
  const stale = new Set(evidence.filter((e) => e.state.state === "stale").map((e) => e.questionId));
  return Object.fromEntries(
    model.areas.flatMap((area) => {
      const n = area.questions.filter((q) => stale.has(q.id)).length;
      return n > 0 ? [[area.id, n]] : [];
    }),
  );
}
