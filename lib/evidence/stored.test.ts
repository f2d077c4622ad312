import { describe, expect, it } from "vitest";
import { evidenceAt, staleByArea, validityDefaults, type StoredEvidence } from "./stored";

const model = {
  areas: [
    { id: "build", questions: [{ id: "b1", evidence_valid_for: "P90D" }, { id: "b2" }] },
    { id: "run", questions: [{ id: "r1" }] },
  ],
};
const given = (questionId: string, effectiveOn: string, validFor: string): StoredEvidence => ({
  questionId,
  items: ["x"],
  effectiveOn,
  validFor,
  expiresOn: "",
});

describe("evidence on a model", () => {
  it("starts each question at its own validity, else the organisation's", () => {
    expect(validityDefaults(model, "P6M")).toEqual({ b1: "P90D", b2: "P6M", r1: "P6M" });
  });

  it("counts the answers with stale evidence per area", () => {
    const now = new Date("2026-03-05T00:00:00Z");
    const evidence = [given("b1", "2025-03-02", "P12M"), given("b2", "2026-01-01", "P12M"), given("r1", "2025-12-01", "P3M")].map((e) => evidenceAt(e, now));
    expect(staleByArea(model, evidence)).toEqual({ build: 1, run: 1 });
    expect(staleByArea(model, evidence.slice(1, 2))).toEqual({});
  });
});
