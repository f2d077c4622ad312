import { describe, expect, it } from "vitest";
import { defaultValidityFor } from "../evidence/validity";
import { miniModelYaml } from "@/test/fixtures/mini-model";
import { parseModel } from "./parse";

const model = (validFor: string) => miniModelYaml({ extra: `        evidence_valid_for: ${validFor}` });

describe("a question's evidence_valid_for", () => {
  it("takes an ISO 8601 duration, written in upper case", () => {
    const result = parseModel(model("p90d"), "mini.yaml");
    expect(result.ok && result.model.areas[0]!.questions[0]!.evidence_valid_for).toBe("P90D");
  });

  it("refuses forever and over ten years at its line", () => {
    const forever = parseModel(model("forever"), "mini.yaml");
    expect(forever.ok ? [] : forever.problems).toEqual([
      expect.objectContaining({ path: "areas[0].questions[0].evidence_valid_for", line: 19, message: expect.stringMatching(/cannot hold forever/) }),
    ]);
    const long = parseModel(model("P11Y"), "mini.yaml");
    expect(long.ok ? [] : long.problems.map((p) => p.message)).toEqual([expect.stringMatching(/At most 10 years/)]);
  });

  it("is the question's default, else the organisation's, else twelve months", () => {
    expect(defaultValidityFor({ evidence_valid_for: "P90D" }, "P6M")).toBe("P90D");
    expect(defaultValidityFor({}, "P6M")).toBe("P6M");
    expect(defaultValidityFor({}, null)).toBe("P12M");
  });
});
