import { describe, expect, it } from "vitest";
import { evidenceAt } from "./evidence/stored";
import { resultsAnswers } from "./results-answers";

const at = new Date("2026-12-07T12:00:00Z");
const answers = [
  { questionId: "a", value: { kind: "level", level: 4 }, note: "ours" },
  { questionId: "b", value: { kind: "unsure" }, note: null },
] as const;
const evidence = {
  a: evidenceAt({ questionId: "a", items: ["https://x.example"], effectiveOn: "2025-12-01", validFor: "P12M", expiresOn: "2026-12-01" }, at),
};
const measured = [{ questionId: "b", metric: "change-fail-rate", quarter: 2026 * 4 + 2, metricValue: 0.2, level: 3, capped: false }] as const;

describe("an assessment's answers as they leave Stave", () => {
  it("carries each answer's evidence with its state, what was measured and whether lapsed evidence lowers it, null where there is none", () => {
    const lapses = [{ questionId: "a", expiredOn: "2026-12-01", counted: "one_level_lower" as const }];
    expect(resultsAnswers(answers, { notes: false, evidence, measured, lapses })).toEqual([
      {
        questionId: "a",
        value: { kind: "level", level: 4 },
        evidence: { items: ["https://x.example"], effectiveOn: "2025-12-01", validFor: "P12M", expiresOn: "2026-12-01", state: "stale" },
        measured: null,
        lapsed: { expiredOn: "2026-12-01", counted: "one_level_lower" },
      },
      {
        questionId: "b",
        value: { kind: "unsure" },
        evidence: null,
        measured: { metric: "change-fail-rate", quarter: "2026-Q3", metricValue: 0.2, level: 3, capped: false },
        lapsed: null,
      },
    ]);
  });

  it("gives the notes only when asked for", () => {
    expect(resultsAnswers(answers, { notes: true, evidence: {}, measured: [] }).map((a) => a.note)).toEqual(["ours", null]);
  });
});
