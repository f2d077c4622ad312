// What a SAMM import is called, kept apart from the importer so the import form can show it.

/** Which of SAMM's tiers becomes a model's areas (its staves). */
export type SammAreas = "functions" | "practices";

/** The SAMM release whose core format the importer reads, and where its text comes from. */
export const SAMM_RELEASE = "2.2.0";
export const SAMM_SOURCE = "https://github.com/owaspsamm/core";

/** What each import choice is called unless the admin names it otherwise: two choices, two models. */
export const SAMM_DEFAULTS = {
  functions: { id: "owasp-samm-business-functions", name: "OWASP SAMM by business function" },
  practices: { id: "owasp-samm-security-practices", name: "OWASP SAMM by security practice" },
} as const satisfies Record<SammAreas, { id: string; name: string }>;
