import { describe, expect, it } from "vitest";
import { input, score } from "./test-trend-inputs";
import { shapeTrend, slotOf, tableRows, type TrendInput } from "./trend";

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
