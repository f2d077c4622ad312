import { describe, expect, it } from "vitest";
import type { AssessmentScore } from "../scoring";
import { shapeTrend, type TrendInput } from "../trend";
import { axisOf, axisSpan, dateTicks, targetTitle, trendDomain, trendGeometry, weakestNames, type TrendDot } from "./trend-geometry";

const score = (a: number): AssessmentScore => ({
  areas: [{ areaId: "a", name: "A", score: a, percent: null, sum: 0, scored: 1, unsure: 0, notApplicable: 0, unanswered: 0 }],
  waterLevel: a,
  weakest: ["a"],
  spill: 0,
  mean: a,
});
const at = (iso: string, a: number, id: string): TrendInput => ({
  assessmentId: id,
  submittedAt: new Date(`${iso}T10:00:00Z`),
  modelId: "m",
  modelVersion: "1",
  score: score(a),
});
const inputs = [at("2026-01-01", 2, "x"), at("2026-04-01", 2.5, "y"), at("2026-07-01", 3.2, "z")];
const target = (over = {}) => ({
  assessmentId: "x",
  areaId: "a",
  areaName: "A",
  fromScore: 2,
  level: 3,
  dueOn: "2026-06-30",
  setOn: "2026-01-02T00:00:00.000Z",
  assessedOn: "2026-01-01T10:00:00.000Z",
  ...over,
});
const size = { width: 720, height: 340, maxTicks: 10, font: 12 };

describe("trend geometry with targets and notes", () => {
  it("widens the axis for a target date or note beyond the assessments", () => {
    expect(trendDomain(shapeTrend(inputs))).toEqual({ lo: 0, hi: 2 });
    const ahead = shapeTrend(inputs, { targets: [target({ assessmentId: "z", fromScore: 3.2, level: 4, dueOn: "2026-12-31" })], now: new Date("2026-08-01") });
    expect(trendDomain(ahead).hi).toBeGreaterThan(3.9);
    const before = shapeTrend(inputs, { annotations: [{ id: "n", on: "2025-10-01", text: "reorg" }] });
    expect(trendDomain(before).lo).toBe(-0.75);
  });

  it("draws a target from its assessment's dot to its level on its date, marked where it was reached", () => {
    const trend = shapeTrend(inputs, { targets: [target()], now: new Date("2026-08-01") });
    const g = trendGeometry(trend, { min: 1, max: 5 }, size);
    const [drawn] = g.targets;
    expect(drawn!.from).toEqual({ x: g.water.dots[0]!.x, y: g.water.dots[0]!.y });
    expect(drawn!.to.x).toBeGreaterThan(g.water.dots[1]!.x);
    expect(drawn!.to.x).toBeLessThan(g.water.dots[2]!.x);
    // The third assessment has 3.2, but it came on 1 Jul, after the date: missed, with the 2.5 of April.
    expect(drawn!.outcome).toEqual({ state: "missed", x: drawn!.to.x, y: drawn!.to.y });
    expect(drawn!.title).toBe("Target: A from 2.0 to 3 by 30 Jun 2026, missed (2.5 by then)");
  });

  it("marks a reached target on the assessment that reached it, and leaves an open one unmarked", () => {
    const reached = trendGeometry(
      shapeTrend(inputs, { targets: [target({ level: 2.5, dueOn: "2026-05-01" })], now: new Date("2026-08-01") }),
      { min: 1, max: 5 },
      size,
    ).targets[0]!;
    expect(reached.outcome).toMatchObject({ state: "reached" });
    expect(reached.title).toMatch(/reached on 1 Apr 2026 \(2\.5\)$/);
    const open = trendGeometry(
      shapeTrend(inputs, { targets: [target({ assessmentId: "z", fromScore: 3.2, level: 4, dueOn: "2026-12-31" })], now: new Date("2026-08-01") }),
      { min: 1, max: 5 },
      size,
    ).targets[0]!;
    expect(open.outcome).toEqual({ state: "open" });
    expect(
      targetTitle(
        shapeTrend(inputs, { targets: [target({ assessmentId: "z", fromScore: 3.2, level: 4, dueOn: "2026-12-31" })], now: new Date("2026-08-01") })
          .targets[0]!,
      ),
    ).toMatch(/still open$/);
  });

  it("numbers notes oldest first and places each between the assessments around it", () => {
    const g = trendGeometry(
      shapeTrend(inputs, {
        annotations: [
          { id: "b", on: "2026-05-15", text: "reorg" },
          { id: "a", on: "2026-02-15", text: "k8s" },
        ],
      }),
      { min: 1, max: 5 },
      size,
    );
    expect(g.annotations.map((n) => [n.id, n.number])).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    expect(g.annotations[0]!.x).toBeGreaterThan(g.water.dots[0]!.x);
    expect(g.annotations[0]!.x).toBeLessThan(g.water.dots[1]!.x);
    expect(g.annotations[1]!.title).toBe("Note 2, 15 May 2026: reorg");
  });
});

describe("trend geometry with several respondents", () => {
  it("puts a whisker over the respondents' range of the weakest stave, only where more than one answered", () => {
    const [x, y, z] = inputs;
    const trend = shapeTrend([
      { ...x!, spread: { respondents: 3, areas: [{ areaId: "a", low: 1, high: 3 }] } },
      { ...y!, spread: { respondents: 1, areas: [{ areaId: "a", low: 2.5, high: 2.5 }] } },
      z!,
    ]);
    const dots = trendGeometry(trend, { min: 1, max: 5 }, size).water.dots;
    // The axis runs from the scale's first value (1) to its last (5).
    const yOf = (v: number) => 300 - ((v - 1) / 4) * 280;
    expect(dots[0]!.range).toEqual({ y1: yOf(1), y2: yOf(3), title: "3 respondents; their own scores of the weakest stave ran from 1.0 to 3.0" });
    expect(dots[1]!.range).toBeUndefined();
    expect(dots[2]!.range).toBeUndefined();
  });
});

describe("the weakest stave's names along the water level", () => {
  const dot = (id: string, x: number, y: number, weakest: string): TrendDot => ({ x, y, assessmentId: id, waterLevel: 2, weakest, label: id });
  const names: Record<string, string> = { sec: "Security", inc: "Incident response", ci: "CI/CD" };
  const place = (dots: TrendDot[]) => weakestNames(dots, (id) => names[id]!, 10);

  it("names the weakest stave under a dot where it changes, and not again while it stays", () => {
    expect(place([dot("a", 50, 100, "ci"), dot("b", 150, 100, "ci"), dot("c", 250, 100, "sec")])).toEqual([
      { assessmentId: "a", areaId: "ci", x: 50, y: 122 },
      { assessmentId: "c", areaId: "sec", x: 250, y: 122 },
    ]);
  });

  it("moves a name above its dot when under would overlap the name before, and leaves it out when neither fits", () => {
    // Three changes 50 px apart at one height: "Incident response" under the first, "Security" above
    // the second, and no room left under or above the third.
    const placed = place([dot("a", 100, 200, "inc"), dot("b", 150, 200, "sec"), dot("c", 200, 200, "inc")]);
    expect(placed.map((p) => [p.assessmentId, p.y])).toEqual([
      ["a", 222],
      ["b", 186],
    ]);
    // Far enough apart, every name goes under its dot.
    expect(place([dot("a", 100, 200, "inc"), dot("b", 300, 200, "sec")]).map((p) => p.y)).toEqual([222, 222]);
  });
});

describe("trend geometry over time", () => {
  it("draws assessments of the same day close together, not a slot apart as if months apart", () => {
    const sameDay = [
      at("2026-01-01", 2, "x"),
      at("2026-04-01", 2.5, "y"),
      { ...at("2026-04-01", 2.7, "y2"), submittedAt: new Date("2026-04-01T15:00:00Z") },
      at("2026-07-01", 3.2, "z"),
    ];
    const trend = shapeTrend(sameDay);
    const axis = axisOf(trend);
    expect([0, 1, 2, 3].map(axis)).toEqual([0, 1, 1.2, 2.2]);
    const dots = trendGeometry(trend, { min: 1, max: 5 }, size).water.dots;
    const [first, second, third, fourth] = dots.map((d) => d.x);
    expect(third! - second!).toBeLessThan((second! - first!) / 4);
    expect(fourth! - third!).toBeCloseTo(second! - first!);
  });

  it("keeps two assessments of one day close, in the middle, when they are the whole trend", () => {
    const trend = shapeTrend([at("2026-04-01", 2.5, "y"), { ...at("2026-04-01", 2.7, "y2"), submittedAt: new Date("2026-04-01T15:00:00Z") }]);
    const span = axisSpan(trend);
    expect([span.lo, span.hi].map((v) => Math.round(v * 100) / 100)).toEqual([-0.4, 0.6]);
    const g = trendGeometry(trend, { min: 1, max: 5 }, size);
    const [first, second] = g.water.dots.map((d) => d.x);
    const plotWidth = g.plot.right - g.plot.left;
    expect(second! - first!).toBeLessThan(plotWidth / 4);
    expect((first! + second!) / 2).toBeCloseTo((g.plot.left + g.plot.right) / 2, 0);
    // A single assessment sits in the middle too.
    const one = trendGeometry(shapeTrend([at("2026-04-01", 2.5, "y")]), { min: 1, max: 5 }, size);
    expect(one.water.dots[0]!.x).toBeCloseTo((one.plot.left + one.plot.right) / 2, 0);
  });

  it("writes one date per day on the axis, as every date is written, the newest always", () => {
    const trend = shapeTrend([
      at("2026-01-01", 2, "x"),
      at("2026-04-01", 2.5, "y"),
      { ...at("2026-04-01", 2.7, "y2"), submittedAt: new Date("2026-04-01T15:00:00Z") },
    ]);
    const g = trendGeometry(trend, { min: 1, max: 5 }, size);
    expect(g.ticks.map((t) => t.label)).toEqual(["1 Jan 2026", "1 Apr 2026"]);
    expect(g.ticks.at(-1)!.x).toBe(g.water.dots[2]!.x);
  });

  it("keeps dates on the axis apart by their width", () => {
    const ticks = dateTicks(
      Array.from({ length: 12 }, (_, i) => ({ x: i * 40, label: `${i + 1} Mar 2026` })),
      12,
      10,
    );
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.x - ticks[i - 1]!.x).toBeGreaterThanOrEqual(ticks[i]!.label.length * 12 * 0.55);
    expect(ticks.at(-1)!.label).toBe("12 Mar 2026");
  });

  it("starts the score axis at the scale's first value", () => {
    const trend = shapeTrend(inputs);
    expect(trendGeometry(trend, { min: 1, max: 5 }, size).gridLines.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
    const samm = trendGeometry(trend, { min: 0, max: 3 }, size);
    expect(samm.gridLines.map((l) => l.value)).toEqual([0, 1, 2, 3]);
    expect(samm.gridLines[0]!.y).toBe(samm.plot.bottom);
  });
});
