import { describe, expect, it } from "vitest";
import { decimalsText, formatChange, formatScore } from "./format";
import { answerLabel, levelBounds, unsureCounts } from "./model/lookup";
import { scoreDigits, scoreRange } from "./model/scoring-rules";
import { modelSchema } from "./model/schema";
import { sammTieExample } from "./model/test-samm";
import { scoreAssessment } from "./scoring";
import { testModel, unsure } from "./test-models";

const devops = testModel({ areas: [{ id: "build", questions: 1 }] });

describe("the decimals a model's scores are shown with", () => {
  it("are one unless the model says otherwise; SAMM's toolbox shows two, rounded half up", () => {
    expect(scoreDigits(devops)).toBe(1);
    expect(scoreDigits({ scoring: { decimals: 2 } })).toBe(2);
    // A practice at (1.5 + 0.75) ÷ 2 = 1.125: SAMM says 1.13, where one decimal said 1.1.
    expect(formatScore(1.125, 2)).toBe("1.13");
    expect(formatScore(1.125)).toBe("1.1");
    expect(formatScore(1, 2)).toBe("1.00");
    expect(formatScore(null, 2)).toBe("–");
    expect(formatChange(0.125, 2)).toBe("+0.13");
    expect(formatChange(-0.05, 2)).toBe("−0.05");
    expect(formatChange(0.001, 2)).toBe("±0.00");
    expect(formatChange(0)).toBe("±0.0");
    expect(([0, 1, 2] as const).map((d) => decimalsText(d))).toEqual(["a whole number", "one decimal", "two decimals"]);
  });

  it("round the stored scores, so a SAMM practice scores 1.13 (38 % of 0–3)", () => {
    const { model, answers } = sammTieExample(2);
    expect(scoreAssessment(model, answers).areas[0]).toMatchObject({ areaId: "threat-assessment", score: 1.13, percent: 38 });
  });

  it("decide ties for the weakest stave on the figures as shown: 1.13, 1.08 and 1.06 do not tie", () => {
    const samm = sammTieExample(2);
    expect(scoreAssessment(samm.model, samm.answers)).toMatchObject({
      waterLevel: 1.06,
      weakest: ["defect-management"],
      // (1.13 + 1.08 + 1.06) ÷ 3 = 1.09; 1.09 − 1.06 = 0.03.
      mean: 1.09,
      spill: 0.03,
    });
    expect(scoreAssessment(samm.model, samm.answers).areas.map((a) => a.score)).toEqual([1.13, 1.08, 1.06]);
    // The same answers shown to one decimal are a three-way tie at 1.1, the first in model order the primary.
    const oneDecimal = sammTieExample(undefined);
    expect(scoreAssessment(oneDecimal.model, oneDecimal.answers)).toMatchObject({
      waterLevel: 1.1,
      weakest: ["threat-assessment", "secure-build", "defect-management"],
      spill: 0,
    });
  });

  it("are 0, 1, 2 or 3 in the model format", () => {
    const messages = (decimals: number) => {
      const parsed = modelSchema.safeParse({ ...devops, scoring: { decimals } });
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(messages(2)).toEqual([]);
    expect(messages(4)).toEqual(["scoring.decimals: must be one of 0, 1, 2, 3"]);
    expect(messages(1.5)).toEqual(["scoring.decimals: must be one of 0, 1, 2, 3"]);
  });
});

describe("the names of an area's groups", () => {
  it("must name groups its questions are in, keyed by their ids from the outermost", () => {
    const { model } = sammTieExample(2);
    const named = (groups: Record<string, string>) => {
      const parsed = modelSchema.safeParse({ ...model, areas: model.areas.map((a, i) => (i === 0 ? { ...a, groups } : a)) });
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(named({ a: "Architecture Design", b: "Architecture Validation" })).toEqual([]);
    expect(named({ c: "Not a stream here" })).toEqual(['areas.0.groups.c: names group "c", which no question of the area is in']);
    expect(named({ "a/b": "No such path" })).toEqual(['areas.0.groups.a/b: names group "a/b", which no question of the area is in']);
  });
});

describe("what an unsure answer counts as", () => {
  it("is the lowest level's score: 1 on a 1–5 scale, 0 under SAMM's scoring", () => {
    const { model } = sammTieExample(2);
    expect(unsureCounts(devops)).toBe(1);
    expect(unsureCounts(model)).toBe(0);
    expect(answerLabel(devops, unsure)).toBe("Unsure (counted as 1)");
    expect(answerLabel(model, unsure)).toBe("Unsure (counted as 0)");
    expect(answerLabel(model, { kind: "level", level: 4 })).toBe("4 · Level 4");
  });
});

describe("a model's levels and its scores", () => {
  it("are the same range on a plain scale and differ under SAMM's scoring", () => {
    const { model } = sammTieExample(2);
    expect(levelBounds(devops)).toEqual(scoreRange(devops));
    expect(levelBounds(model)).toEqual({ min: 1, max: 4 });
    expect(scoreRange(model)).toEqual({ min: 0, max: 3 });
  });
});
