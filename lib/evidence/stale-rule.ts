// What an organisation lets stale evidence do to scores. By default nothing: the answer counts as
// given and only its badge says the evidence lapsed. An organisation may choose that an answer whose
// evidence lapsed counts one level lower, or as unsure (the lowest level); the team's current
// assessment is then scored again when its evidence lapses, and the lapse is kept beside the scores.

export const STALE_EVIDENCE_RULES = ["as_answered", "one_level_lower", "as_unsure"] as const;
export type StaleEvidenceRule = (typeof STALE_EVIDENCE_RULES)[number];

/** The rules that lower answers. */
export const LOWERING_RULES = ["one_level_lower", "as_unsure"] as const satisfies readonly StaleEvidenceRule[];
export type LoweringRule = (typeof LOWERING_RULES)[number];

export const lowersAnswers = (rule: StaleEvidenceRule): rule is LoweringRule => rule !== "as_answered";

export const STALE_EVIDENCE_RULE_TEXT: Record<StaleEvidenceRule, string> = {
  as_answered: "Counts as answered: only its badge says the evidence is stale",
  one_level_lower: "Counts one level lower",
  as_unsure: "Counts as unsure (the lowest level)",
};
