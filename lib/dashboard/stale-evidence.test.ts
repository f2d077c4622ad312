import { describe, expect, it } from "vitest";
import { staleEvidenceByArea, staleEvidenceCount, staleEvidenceShare, stalePercent } from "./stale-evidence";

describe("stale evidence per area", () => {
  it("lists every area of the model in its order, with nothing counted where nothing was answered", () => {
    expect(
      staleEvidenceByArea(
        [{ areaId: "build" }, { areaId: "run" }],
        [
          { areaId: "run", answers: 4, stale: 1 },
          { areaId: "gone", answers: 2, stale: 2 },
        ],
      ),
    ).toEqual([
      { areaId: "build", answers: 0, stale: 0 },
      { areaId: "run", answers: 4, stale: 1 },
    ]);
  });

  it("gives the share of all answers, and says so in words without rounding some down to nothing", () => {
    expect(stalePercent({ areaId: "a", answers: 0, stale: 0 })).toBeNull();
    expect(stalePercent({ areaId: "a", answers: 8, stale: 1 })).toBe(12.5);
    expect(staleEvidenceShare({ areaId: "a", answers: 40, stale: 5 })).toBe("13 % stale evidence");
    expect(staleEvidenceShare({ areaId: "a", answers: 400, stale: 1 })).toBe("under 1 % stale evidence");
    expect(staleEvidenceShare({ areaId: "a", answers: 0, stale: 0 })).toBe("0 % stale evidence");
    expect(staleEvidenceCount({ areaId: "a", answers: 40, stale: 5 })).toBe("5 of 40 answers");
    expect(staleEvidenceCount({ areaId: "a", answers: 1, stale: 1 })).toBe("1 of 1 answer");
  });
});
