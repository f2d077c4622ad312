import { describe, expect, it } from "vitest";
import { testModel } from "./test-models";
import { input, score } from "./test-trend-inputs";
import { shapeTrend, weakestCounts, weakestSummary, type TrendInput } from "./trend";

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
    expect(trend.points.map((p) => p.label)).toEqual(["5 Jan 2026", "14 Feb 2026", "10 Mar 2026", "20 Apr 2026"]);
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
