import { describe, expect, it } from "vitest";
import { consideredLevels, criteriaMetText } from "./criteria";
import { areaQuestions } from "./questionnaire";

const scale = [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` }));
const criteria = { 3: ["a", "b", "c"], 4: ["d", "e", "f", "g"] };

describe("consideredLevels", () => {
  it("offers the chosen level and the one above it, where they list criteria", () => {
    expect(consideredLevels(scale, criteria, "3").map((c) => [c.level.value, c.criteria.length])).toEqual([
      [3, 3],
      [4, 4],
    ]);
    expect(consideredLevels(scale, criteria, "2").map((c) => c.level.value)).toEqual([3]);
    expect(consideredLevels(scale, criteria, "4").map((c) => c.level.value)).toEqual([4]);
  });

  it("offers nothing before an answer, for unsure or not applicable, or when no level lists criteria", () => {
    expect(consideredLevels(scale, criteria, null)).toEqual([]);
    expect(consideredLevels(scale, criteria, "unsure")).toEqual([]);
    expect(consideredLevels(scale, undefined, "3")).toEqual([]);
    expect(consideredLevels(scale, criteria, "5")).toEqual([]);
  });
});

describe("criteriaMetText", () => {
  it("says how many of a level's criteria are met", () => {
    expect(criteriaMetText(3, 4)).toBe("3 of 4 met");
    expect(criteriaMetText(0, 3)).toBe("0 of 3 met");
    expect(criteriaMetText(4, 4)).toBe("all 4 met");
  });
});

describe("the questionnaire's text of a question", () => {
  it("carries the levels' criteria to the browser, and nothing when a question lists none", () => {
    const question = { id: "ci", title: "CI", prompt: "CI?", why: "Why.", levels: ["a", "b", "c", "d", "e"], next: ["1", "2", "3", "4"] };
    const model = {
      id: "m",
      version: "1.0.0",
      name: "M",
      scale,
      areas: [
        {
          id: "build",
          name: "Build",
          summary: "S",
          questions: [
            { ...question, criteria },
            { ...question, id: "cd" },
          ],
        },
      ],
    };
    const [withCriteria, without] = areaQuestions(model, "build")!;
    expect(withCriteria!.criteria).toEqual(criteria);
    expect(without).not.toHaveProperty("criteria");
  });
});
