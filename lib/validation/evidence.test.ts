import { describe, expect, it } from "vitest";
import { evidenceDefaultSchema, saveEvidenceSchema } from "./evidence";

const base = {
  assessmentId: "4b0e5bb7-3c32-4f0e-9d2e-0c6f1b0e2a11",
  questionId: "build-q1",
  items: ["https://example.com/report"],
  effectiveOn: "2026-03-02",
  validFor: "P12M",
};

const messages = (input: Record<string, unknown>) => {
  const parsed = saveEvidenceSchema.safeParse({ ...base, ...input });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("saveEvidenceSchema", () => {
  it("reads one item or several, trimmed, dropping empty ones", () => {
    expect(saveEvidenceSchema.parse({ ...base, items: "  Report in the drive " }).items).toEqual(["Report in the drive"]);
    expect(saveEvidenceSchema.parse({ ...base, items: ["https://a.example/x", "", "  note "] }).items).toEqual(["https://a.example/x", "note"]);
  });

  it("refuses no items, too many, long texts and links that are not http(s), each with its own message", () => {
    expect(messages({ items: ["", " "] })).toEqual(["items: Add a link or a short text as evidence."]);
    expect(messages({ items: Array.from({ length: 11 }, (_, i) => `item ${i}`) })).toEqual(["items: At most 10 items: link to a folder that holds the rest."]);
    expect(messages({ items: ["x".repeat(281)] })).toEqual(["items: A text can be at most 280 characters: say where the proof is, and link to it."]);
    expect(messages({ items: ["javascript:alert(1)"] })).toEqual([
      "items: Only http and https links can be evidence: give the web address, or describe where the proof is.",
    ]);
    expect(messages({ items: ["ftp://files.example/report"] })).toEqual([expect.stringMatching(/Only http and https/)]);
    expect(messages({ items: ["https://exa mple.com"] })).toEqual([expect.stringMatching(/is not a valid link/)]);
    expect(messages({ items: [`https://example.com/${"a".repeat(2000)}`] })).toEqual(["items: A link can be at most 2000 characters."]);
    expect(messages({ items: ["Note: in the drive"] })).toEqual([]);
  });

  it("refuses a validity of forever and a day that is not a date", () => {
    expect(messages({ validFor: "forever" })).toEqual([expect.stringMatching(/^validFor: Evidence cannot hold forever/)]);
    expect(messages({ validFor: "P0D" })).toEqual([expect.stringMatching(/^validFor: A validity of zero/)]);
    expect(messages({ effectiveOn: "2026-02-30" })).toEqual(["effectiveOn: Give the day as a date, such as 2026-03-02."]);
    expect(messages({ effectiveOn: "" })).toEqual(["effectiveOn: Give the day the evidence took effect."]);
  });
});

describe("evidenceDefaultSchema", () => {
  it("takes a validity and refuses over ten years", () => {
    expect(evidenceDefaultSchema.parse({ validFor: "p6m" })).toEqual({ validFor: "P6M" });
    expect(evidenceDefaultSchema.safeParse({ validFor: "P11Y" }).error?.issues[0]?.message).toMatch(/At most 10 years/);
  });
});
