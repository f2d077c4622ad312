import { describe, expect, it } from "vitest";
import { testModel } from "./test-models";
import type { AreaScore, AssessmentScore } from "./scoring";
import { shapeTrend, slotOf, tableRows, weakestCounts, weakestSummary, type TrendInput } from "./trend";

/** A score with the given area scores; the headline figures are given, not computed, to isolate shapeTrend. */
function score(areas: [id: string, score: number | null][], headline: { waterLevel: number | null; weakest: string[]; spill: number | null }): AssessmentScore {
  return {
    areas: areas.map<AreaScore>(([areaId, s]) => ({
      areaId,
      name: areaId.toUpperCase(),
      score: s,
      percent: null,
      sum: 0,
      scored: 0,
      unsure: 0,
      notApplicable: 0,
      unanswered: 0,
    })),
    ...headline,
    mean: null,
  };
}

const input = (assessmentId: string, date: string, model: string, s: AssessmentScore): TrendInput => {
  const [modelId, modelVersion] = model.split("@") as [string, string];
  return { assessmentId, submittedAt: new Date(date), modelId, modelVersion, score: s };
};

// Given out of order on purpose.
const inputs: TrendInput[] = [
  input(
    "p3",
    "2026-03-10T09:00:00Z",
    "core@2.0.0",
    score(
      [
        ["b", 3],
        ["a", 2.5],
        ["mid", 2],
      ],
      { waterLevel: 2, weakest: ["mid"], spill: 0.5 },
    ),
  ),
  input(
    "p1",
    "2026-01-05T09:00:00Z",
    "core@1.0.0",
    score(
      [
        ["a", 2],
        ["b", 3],
        ["old", 1.5],
      ],
      { waterLevel: 1.5, weakest: ["old"], spill: 0.7 },
    ),
  ),
  input(
    "p4",
    "2026-04-20T09:00:00Z",
    "extended@2.0.0",
    score(
      [
        ["b", 3.5],
        ["a", null],
        ["new", 3.5],
      ],
      { waterLevel: 3.5, weakest: ["b", "new"], spill: 0 },
    ),
  ),
  input(
    "p2",
    "2026-02-14T09:00:00Z",
    "core@1.0.0",
    score(
      [
        ["a", 2],
        ["b", 2],
        ["old", 2.5],
      ],
      { waterLevel: 2, weakest: ["a", "b"], spill: 0.2 },
    ),
  ),
];

describe("shapeTrend", () => {
  const trend = shapeTrend(inputs);

  it("orders the points by submission time, oldest first", () => {
    expect(trend.points.map((p) => p.assessmentId)).toEqual(["p1", "p2", "p3", "p4"]);
    expect(trend.points.map((p) => p.label)).toEqual(["2026-01-05", "2026-02-14", "2026-03-10", "2026-04-20"]);
    expect(trend.points[0]!.submittedAt).toBe("2026-01-05T09:00:00.000Z");
  });

  it("marks a point whose model id or version differs from the point before", () => {
    expect(trend.points.map((p) => [p.modelVersion, p.modelChanged])).toEqual([
      ["core@1.0.0", false],
      ["core@1.0.0", false],
      ["core@2.0.0", true], // new version
      ["extended@2.0.0", true], // new model, same version number
    ]);
    expect(trend.points.map((p) => p.modelChange)).toEqual([null, null, "core 1.0.0 → 2.0.0", "core 2.0.0 → extended 2.0.0"]);
  });

  it("says what changed at a version change, when it has both versions", () => {
    const v1 = testModel({ areas: [{ id: "a", questions: 2 }] });
    const [q1, q2] = v1.areas[0]!.questions;
    const v2 = {
      ...v1,
      version: "1.1.0",
      areas: [{ ...v1.areas[0]!, questions: [q1!, { ...q2!, id: "a-renamed", replaces: q2!.id }, { ...q1!, id: "a-new" }] }],
    };
    const points = shapeTrend(
      [
        { ...inputs[0]!, submittedAt: new Date("2026-01-05T09:00:00Z"), modelId: v1.id, modelVersion: "1.0.0", modelVersionId: "v1" },
        { ...inputs[1]!, submittedAt: new Date("2026-04-05T09:00:00Z"), modelId: v1.id, modelVersion: "1.1.0", modelVersionId: "v2" },
      ],
      {
        models: new Map([
          ["v1", v1],
          ["v2", v2],
        ]),
      },
    ).points;
    expect(points[1]!.modelChange).toBe(`${v1.name} 1.0.0 → 1.1.0: 1 question added, 1 question renamed; 2 questions compared across the change`);
  });

  it("lists the areas of the newest model first, then areas that older models had", () => {
    expect(trend.areas).toEqual([
      { areaId: "b", name: "B" },
      { areaId: "a", name: "A" },
      { areaId: "new", name: "NEW" },
      { areaId: "mid", name: "MID" },
      { areaId: "old", name: "OLD" },
    ]);
  });

  it("gives every point a score for every area, null where the area was missing or unscored", () => {
    expect(trend.points.map((p) => p.areas)).toEqual([
      { b: 3, a: 2, new: null, mid: null, old: 1.5 },
      { b: 2, a: 2, new: null, mid: null, old: 2.5 },
      { b: 3, a: 2.5, new: null, mid: 2, old: null },
      { b: 3.5, a: null, new: 3.5, mid: null, old: null },
    ]);
  });

  it("carries each point's water level, spill and weakest staves", () => {
    expect(trend.points.map((p) => [p.waterLevel, p.spill, p.weakest])).toEqual([
      [1.5, 0.7, ["old"]],
      [2, 0.2, ["a", "b"]],
      [2, 0.5, ["mid"]],
      [3.5, 0, ["b", "new"]],
    ]);
  });

  it("returns no areas and no points for no assessments", () => {
    expect(shapeTrend([])).toEqual({ areas: [], points: [], targets: [], annotations: [] });
  });

  it("does not reorder the caller's array", () => {
    const given = [...inputs];
    shapeTrend(given);
    expect(given.map((i) => i.assessmentId)).toEqual(["p3", "p1", "p4", "p2"]);
  });
});

describe("weakestCounts", () => {
  it("counts how often each area was the primary weakest stave, zero for the others", () => {
    expect(weakestCounts(shapeTrend(inputs))).toEqual({ b: 1, a: 1, new: 0, mid: 1, old: 1 });
  });

  it("names the areas most often the weakest stave, most often first, leaving out those never weakest", () => {
    const twice = shapeTrend([
      input(
        "x",
        "2026-01-01T00:00:00Z",
        "core@1.0.0",
        score(
          [
            ["a", 1],
            ["b", 2],
          ],
          { waterLevel: 1, weakest: ["a"], spill: 0.5 },
        ),
      ),
      input(
        "y",
        "2026-02-01T00:00:00Z",
        "core@1.0.0",
        score(
          [
            ["a", 3],
            ["b", 2],
          ],
          { waterLevel: 2, weakest: ["b"], spill: 0.5 },
        ),
      ),
      input(
        "z",
        "2026-03-01T00:00:00Z",
        "core@1.0.0",
        score(
          [
            ["a", 3],
            ["b", 2],
          ],
          { waterLevel: 2, weakest: ["b"], spill: 0.5 },
        ),
      ),
    ]);
    expect(weakestSummary(twice)).toBe("B (2×), A (1×)");
    expect(weakestSummary(shapeTrend([]))).toBe("");
  });

  it("skips points without a weakest stave", () => {
    const trend = shapeTrend([
      input("x", "2026-01-01T00:00:00Z", "core@1.0.0", score([["a", null]], { waterLevel: null, weakest: [], spill: null })),
      input("y", "2026-02-01T00:00:00Z", "core@1.0.0", score([["a", 2]], { waterLevel: 2, weakest: ["a"], spill: 0 })),
    ]);
    expect(weakestCounts(trend)).toEqual({ a: 1 });
  });
});

describe("targets and notes on the trend", () => {
  const at = (iso: string, water: number, id: string): TrendInput => ({
    assessmentId: id,
    submittedAt: new Date(`${iso}T10:00:00Z`),
    modelId: "m",
    modelVersion: "1",
    score: score(
      [
        ["a", water],
        ["b", 4],
      ],
      { waterLevel: water, weakest: ["a"], spill: null },
    ),
  });
  const inputs = [at("2026-01-01", 2, "x"), at("2026-04-01", 2.5, "y"), at("2026-07-01", 3.1, "z")];

  it("places days between assessments in proportion, and beyond them by the mean gap (at most two ahead)", () => {
    const times = inputs.map((i) => i.submittedAt.getTime());
    expect(slotOf(times, times[1]!)).toBe(1);
    expect(slotOf(times, (times[1]! + times[2]!) / 2)).toBeCloseTo(1.5);
    expect(slotOf(times, times[2]! + (times[2]! - times[0]!) / 2)).toBeCloseTo(3);
    expect(slotOf(times, Date.parse("2030-01-01"))).toBe(4);
    expect(slotOf(times, Date.parse("2020-01-01"))).toBe(-0.75);
  });

  it("draws a target from where it was set to its date and marks where it was reached", () => {
    const target = {
      assessmentId: "x",
      areaId: "a",
      areaName: "A",
      fromScore: 2,
      level: 3,
      dueOn: "2026-07-15",
      setOn: "2026-01-02T00:00:00.000Z",
      assessedOn: "2026-01-01T10:00:00.000Z",
    };
    const trend = shapeTrend(inputs, { targets: [target], now: new Date("2026-08-01T00:00:00Z") });
    expect(trend.targets).toHaveLength(1);
    expect(trend.targets[0]).toMatchObject({ fromSlot: 0, outcome: { state: "reached", on: "2026-07-01", score: 3.1, slot: 2 } });
    expect(trend.targets[0]!.slot).toBeGreaterThan(2);
    // Missed once its date has passed without reaching it; open until then.
    const higher = { ...target, level: 4 };
    expect(shapeTrend(inputs, { targets: [higher], now: new Date("2026-08-01T00:00:00Z") }).targets[0]!.outcome).toEqual({ state: "missed", score: 3.1 });
    expect(shapeTrend(inputs, { targets: [higher], now: new Date("2026-07-10T00:00:00Z") }).targets[0]!.outcome).toEqual({ state: "open", days: 5 });
    // A target set on an assessment the trend does not hold is left out.
    expect(shapeTrend(inputs, { targets: [{ ...target, assessmentId: "other" }] }).targets).toEqual([]);
  });

  it("lists notes between the assessments they fall between", () => {
    const trend = shapeTrend(inputs, {
      annotations: [
        { id: "n2", on: "2026-05-01", text: "reorg" },
        { id: "n1", on: "2026-01-01", text: "k8s" },
      ],
    });
    expect(tableRows(trend).map((r) => (r.kind === "point" ? r.point.assessmentId : `${r.number}:${r.note.text}`))).toEqual([
      "x",
      "1:k8s",
      "y",
      "2:reorg",
      "z",
    ]);
  });
});

describe("respondents on the trend", () => {
  it("carries how many answered and their range on the weakest stave; none for an assessment answered together", () => {
    const together = input(
      "t1",
      "2026-01-10",
      "core@1",
      score(
        [
          ["ci", 2],
          ["obs", 3],
        ],
        { waterLevel: 2, weakest: ["ci"], spill: 0.5 },
      ),
    );
    const several = {
      ...input(
        "t2",
        "2026-04-10",
        "core@1",
        score(
          [
            ["ci", 3],
            ["obs", 2.5],
          ],
          { waterLevel: 2.5, weakest: ["obs"], spill: 0.3 },
        ),
      ),
      spread: {
        respondents: 4,
        areas: [
          { areaId: "ci", low: 2, high: 4 },
          { areaId: "obs", low: 1.5, high: 3.5 },
        ],
      },
    };
    const trend = shapeTrend([together, several]);
    expect(trend.points.map((p) => p.respondents)).toEqual([null, { count: 4, low: 1.5, high: 3.5 }]);
  });
});
