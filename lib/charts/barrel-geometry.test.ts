import { describe, expect, it } from "vitest";
import { scoreAssessment } from "../scoring";
import { answersOf, level, notApplicable, testModel } from "../test-models";
import { barrelGeometry, wrapLabel } from "./barrel-geometry";

const model = testModel({
  areas: [
    { id: "a", name: "Continuous delivery", questions: 1 },
    { id: "b", name: "Observability", questions: 1 },
    { id: "c", name: "Security", questions: 1 },
    { id: "d", name: "Culture", questions: 1 },
  ],
});
const size = { width: 800, height: 400, labelledScale: true };
// With this size the plot runs from y = 28 (score 5) down to y = 338 (score 0): 62 units per level.
const PLOT_BOTTOM = 338;
const yOf = (score: number) => PLOT_BOTTOM - score * 62;

const score = scoreAssessment(model, answersOf({ "a-q1": level(3), "b-q1": level(2), "c-q1": level(4), "d-q1": notApplicable() }));
const geometry = barrelGeometry(score, model.scale, size);
const stave = (id: string) => geometry.staves.find((s) => s.areaId === id)!;

describe("barrelGeometry", () => {
  it("draws one stave per area in model order, side by side without overlap", () => {
    expect(geometry.staves.map((s) => s.areaId)).toEqual(["a", "b", "c", "d"]);
    for (let i = 1; i < geometry.staves.length; i++) {
      const previous = geometry.staves[i - 1]!;
      expect(geometry.staves[i]!.x).toBeCloseTo(previous.x + previous.width + 4);
    }
    expect(geometry.barrel.left).toBeCloseTo(geometry.staves[0]!.x);
    expect(geometry.barrel.right).toBeCloseTo(stave("d").x + stave("d").width);
  });

  it("puts each stave's top at its score, so higher scores stand taller", () => {
    expect(stave("a").top).toBeCloseTo(yOf(3));
    expect(stave("b").top).toBeCloseTo(yOf(2));
    expect(stave("c").top).toBeCloseTo(yOf(4));
    expect(stave("a").height).toBeCloseTo(3 * 62);
    // Smaller y is higher on screen.
    expect(stave("c").top).toBeLessThan(stave("a").top);
    expect(stave("a").top).toBeLessThan(stave("b").top);
  });

  it("flags only the weakest stave", () => {
    expect(geometry.staves.map((s) => [s.areaId, s.weakest])).toEqual([
      ["a", false],
      ["b", true],
      ["c", false],
      ["d", false],
    ]);
  });

  it("fills the water up to the top of the weakest stave and spills it there", () => {
    expect(geometry.water).toBeDefined();
    expect(geometry.water!.y).toBe(stave("b").top);
    expect(geometry.water!.puddle!.cx).toBeCloseTo(stave("b").x + stave("b").width / 2);
    expect(geometry.water!.surface.startsWith(`M${geometry.barrel.left + 2},${stave("b").top}`)).toBe(true);
  });

  it("gives an unscored area no height and rests its top on the plot bottom", () => {
    expect(stave("d")).toMatchObject({ score: null, height: null, top: PLOT_BOTTOM, weakest: false });
  });

  it("draws no water and no hoops when there is no water level", () => {
    const empty = scoreAssessment(model, answersOf({ "a-q1": notApplicable(), "b-q1": notApplicable(), "c-q1": notApplicable(), "d-q1": notApplicable() }));
    const dry = barrelGeometry(empty, model.scale, size);

    expect(dry.water).toBeUndefined();
    expect(dry.hoops).toEqual([]);
    expect(dry.staves.map((s) => s.height)).toEqual([null, null, null, null]);
  });

  it("flags every tied weakest stave and pours from the primary one", () => {
    const tied = scoreAssessment(model, answersOf({ "a-q1": level(4), "b-q1": level(2), "c-q1": level(2), "d-q1": level(5) }));
    const g = barrelGeometry(tied, model.scale, size);

    expect(g.staves.filter((s) => s.weakest).map((s) => s.areaId)).toEqual(["b", "c"]);
    const primary = g.staves[1]!;
    expect(g.water!.y).toBe(primary.top);
    expect(g.water!.puddle!.cx).toBeCloseTo(primary.x + primary.width / 2);
  });

  it("places a grid line at every level of the scale", () => {
    expect(geometry.gridLines.map((l) => [l.value, l.label])).toEqual([
      [1, "Level 1"],
      [2, "Level 2"],
      [3, "Level 3"],
      [4, "Level 4"],
      [5, "Level 5"],
    ]);
    expect(geometry.gridLines[4]!.y).toBeCloseTo(28);
  });

  it("wraps the area names into stave labels", () => {
    expect(stave("a").labelLines).toEqual(["Continuous", "delivery"]);
    expect(stave("c").labelLines).toEqual(["Security"]);
  });
});

describe("wrapLabel", () => {
  it("keeps a short name on one line", () => {
    expect(wrapLabel("CI/CD")).toEqual(["CI/CD"]);
    expect(wrapLabel("Security basics")).toEqual(["Security", "basics"]);
    expect(wrapLabel("Measure & act")).toEqual(["Measure & act"]);
  });

  it("never returns more than two lines, shortening the second with an ellipsis", () => {
    const lines = wrapLabel("Platform & developer experience");

    expect(lines).toEqual(["Platform &", "developer exp…"]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(14);
  });

  it("respects a custom line length", () => {
    expect(wrapLabel("Incident response and learning", 20)).toEqual(["Incident response", "and learning"]);
  });
});
