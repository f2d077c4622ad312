import { describe, expect, it } from "vitest";
import { barrelEvents } from "./events";

describe("barrel events of a submission", () => {
  it("are only 'submitted' for a team's first assessment", () => {
    expect(barrelEvents(undefined, { waterLevel: 2, weakest: ["security"] })).toEqual(["assessment.submitted"]);
  });

  it("say when the weakest stave changed, a tie gained or lost an area, or the water level dropped", () => {
    const before = { waterLevel: 2.4, weakest: ["security"] };
    expect(barrelEvents(before, { waterLevel: 2.4, weakest: ["security"] })).toEqual(["assessment.submitted"]);
    expect(barrelEvents(before, { waterLevel: 2.6, weakest: ["observability"] })).toEqual(["assessment.submitted", "weakest-stave.changed"]);
    expect(barrelEvents(before, { waterLevel: 2.4, weakest: ["security", "observability"] })).toContain("weakest-stave.changed");
    expect(barrelEvents({ waterLevel: 2, weakest: ["a", "b"] }, { waterLevel: 2, weakest: ["b", "a"] })).toEqual(["assessment.submitted"]);
    expect(barrelEvents(before, { waterLevel: 2.3, weakest: ["security"] })).toEqual(["assessment.submitted", "water-level.dropped"]);
    expect(barrelEvents({ waterLevel: null, weakest: [] }, { waterLevel: 1, weakest: ["security"] })).toEqual([
      "assessment.submitted",
      "weakest-stave.changed",
    ]);
  });
});
