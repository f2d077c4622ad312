import { describe, expect, it } from "vitest";
import type { AnswerValue } from "./answer";
import { scoreAssessment } from "./scoring";
import { answersOf, level, notApplicable, testModel, unsure } from "./test-models";
import { movedSummary, whatMoved } from "./what-moved";

const model = testModel({
  areas: [
    { id: "build", questions: 3 },
    { id: "run", questions: 2 },
  ],
});
const compared = (m: typeof model, answers: Record<string, AnswerValue>) => {
  const map = answersOf(answers);
  return { model: m, answers: map, score: scoreAssessment(m, map) };
};

describe("what moved", () => {
  const before = compared(model, {
    "build-q1": level(2),
    "build-q2": level(3),
    "build-q3": unsure,
    "run-q1": level(1),
    "run-q2": notApplicable("No servers"),
  });

  it("lists every changed answer by area, leaves unchanged ones out, and gives each area's change", () => {
    const after = compared(model, {
      "build-q1": level(2), // unchanged
      "build-q2": level(4),
      "build-q3": level(3), // unsure → 3
      "run-q1": level(2),
      "run-q2": level(2), // N/A → 2
    });
    const moved = whatMoved(before, after);
    expect(moved.areas.map((a) => [a.areaId, a.changes.map((c) => c.questionId)])).toEqual([
      ["build", ["build-q2", "build-q3"]],
      ["run", ["run-q1", "run-q2"]],
    ]);
    const build = moved.areas[0]!;
    expect(build).toMatchObject({ from: 2, to: 3, delta: 1 });
    // Unsure counts as the lowest level, so unsure → 3 is a rise of two levels.
    expect(build.changes.map((c) => c.effect)).toEqual([1, 2]);
    // A change to or from "not applicable" has no level effect of its own.
    expect(moved.areas[1]!.changes.map((c) => [c.from?.kind, c.to?.kind, c.effect])).toEqual([
      ["level", "level", 1],
      ["not_applicable", "level", null],
    ]);
    expect(moved.waterLevel).toEqual({ from: 1, to: 2, delta: 1 });
    expect(moved.weakest).toEqual({ from: ["run"], to: ["run"], changed: false });
    expect(moved.madeTheDifference.map((c) => c.questionId)).toEqual(["run-q1", "run-q2"]);
  });

  it("says when the weakest stave moved, and attributes the water level to every tied area, largest first", () => {
    const after = compared(model, {
      "build-q1": level(1),
      "build-q2": level(3),
      "build-q3": unsure, // build: (1 + 3 + 1) / 3 = 1.7
      "run-q1": level(2),
      "run-q2": level(1), // run: 1.5, still the weakest
    });
    const moved = whatMoved(before, after);
    expect(moved.weakest).toMatchObject({ from: ["run"], to: ["run"], changed: false });

    const tied = compared(model, {
      "build-q1": level(1),
      "build-q2": level(2),
      "build-q3": level(3), // build 2.0
      "run-q1": level(2),
      "run-q2": level(2), // run 2.0
    });
    const both = whatMoved(before, tied);
    expect(both.weakest).toEqual({ from: ["run"], to: ["build", "run"], changed: true });
    expect(both.madeTheDifference.map((c) => [c.areaId, c.questionId, c.effect])).toEqual([
      ["build", "build-q3", 2],
      ["build", "build-q1", -1], // equal effects keep the model's order
      ["build", "build-q2", -1],
      ["run", "run-q1", 1],
      ["run", "run-q2", null],
    ]);
    expect(both.waterLevel.delta).toBe(1);
  });

  it("compares only questions present in both model versions, and lists what was added or removed", () => {
    const next = testModel({
      version: "1.1.0",
      areas: [
        { id: "build", questions: ["build-q1", "build-q2", "build-q4"] },
        { id: "run", questions: 2 },
      ],
    });
    const after = compared(next, {
      "build-q1": level(5),
      "build-q2": level(3),
      "build-q4": level(1),
      "run-q1": level(1),
      "run-q2": notApplicable("No servers"),
    });
    const moved = whatMoved(before, after);
    expect(moved.areas[0]!.changes.map((c) => c.questionId)).toEqual(["build-q1"]);
    expect(moved.added.map((q) => q.questionId)).toEqual(["build-q4"]);
    expect(moved.removed.map((q) => q.questionId)).toEqual(["build-q3"]);
    expect(moved.areas[1]!.changes).toEqual([]);
  });

  it("finds nothing between identical assessments", () => {
    const moved = whatMoved(before, before);
    expect(moved.areas.every((a) => a.changes.length === 0 && a.delta === 0)).toBe(true);
    expect(moved.madeTheDifference).toEqual([]);
    expect(moved.waterLevel.delta).toBe(0);
  });
});

describe("the team page's summary", () => {
  it("gives the water level's change and where the weakest stave is now", () => {
    const a = compared(model, { "build-q1": level(3), "build-q2": level(3), "build-q3": level(3), "run-q1": level(1), "run-q2": level(2) });
    const b = compared(model, { "build-q1": level(2), "build-q2": level(2), "build-q3": level(2), "run-q1": level(3), "run-q2": level(3) });
    expect(movedSummary(a.score, b.score)).toBe("water level 1.5 → 2.0; weakest stave now build (was run).");
    expect(movedSummary(b.score, b.score)).toBe("water level 2.0 → 2.0; weakest stave still build.");
  });
});
