import { describe, expect, it } from "vitest";
import { miniBarrelGeometry } from "./mini-barrel-geometry";

const staves = [
  { areaId: "cicd", score: 4, weakest: false },
  { areaId: "security", score: 2, weakest: true },
  { areaId: "observability", score: null, weakest: false },
];

describe("the small barrel on a team's card", () => {
  it("draws one bar per area, as tall as its score on the model's scale", () => {
    const g = miniBarrelGeometry(staves, 2, 5, { width: 72, height: 48 });
    const plot = g.floor - g.top;
    expect(g.bars.map((b) => b.areaId)).toEqual(["cicd", "security", "observability"]);
    expect(g.bars[0]!.height).toBeCloseTo((4 / 5) * plot);
    expect(g.bars[1]!.height).toBeCloseTo((2 / 5) * plot);
    // Bars fill the width side by side, left to right, without overlapping.
    expect(g.bars[0]!.x).toBe(2);
    expect(g.bars[1]!.x).toBeGreaterThan(g.bars[0]!.x + g.bars[0]!.width);
    expect(g.bars[2]!.x + g.bars[2]!.width).toBeCloseTo(70);
  });

  it("marks the weakest stave, leaves an unscored area without height, and puts the water line at the water level", () => {
    const g = miniBarrelGeometry(staves, 2, 5);
    expect(g.bars.map((b) => b.weakest)).toEqual([false, true, false]);
    expect(g.bars[2]).toMatchObject({ scored: false, height: 0 });
    expect(g.waterY).toBeCloseTo(g.bars[1]!.y);
  });

  it("scales to the model's scale, whatever its top", () => {
    const onThree = miniBarrelGeometry([{ areaId: "a", score: 3, weakest: true }], 3, 3);
    expect(onThree.bars[0]!.y).toBeCloseTo(onThree.top);
    expect(onThree.waterY).toBeCloseTo(onThree.top);
  });

  it("has no water line when no area was scored", () => {
    expect(miniBarrelGeometry([{ areaId: "a", score: null, weakest: false }], null, 5).waterY).toBeUndefined();
  });
});
