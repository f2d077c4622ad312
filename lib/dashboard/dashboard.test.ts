import { describe, expect, it } from "vitest";
import { distributionGeometry, waterLevelGeometry } from "../charts/quarter-geometry";
import {
  countedByQuarter,
  dashboardHeadline,
  type QuarterFigures,
  mostCommonWeakest,
  quartiles,
  tiedWeakestCounts,
  weakestShares,
  type TeamResult,
} from "./aggregate";
import { formatScore } from "../format";
import { HEAT_STEPS, heatCells, heatStep, heatStepRanges } from "./heatmap";
import { quarterKey, quarterLabel, quarterOf, quarterRange, quarterStart, quartersCounted } from "./quarter";

const q = (year: number, n: 1 | 2 | 3 | 4) => year * 4 + n - 1;
const result = (teamId: string, isoDate: string, waterLevel: number | null, weakest: string[] = []): TeamResult => ({
  teamId,
  submittedAt: new Date(isoDate),
  waterLevel,
  weakest,
});

describe("quarters", () => {
  it("numbers quarters consecutively across years, in UTC", () => {
    expect(quarterOf(new Date("2026-01-01T00:00:00Z"))).toBe(q(2026, 1));
    expect(quarterOf(new Date("2026-03-31T23:59:59Z"))).toBe(q(2026, 1));
    expect(quarterOf(new Date("2026-04-01T00:00:00Z"))).toBe(q(2026, 2));
    expect(quarterOf(new Date("2025-12-31T23:59:59Z")) + 1).toBe(q(2026, 1));
    expect(quarterLabel(q(2026, 3))).toBe("2026 Q3");
    expect(quarterKey(q(2026, 4))).toBe("2026-Q4");
    expect(quarterStart(q(2026, 3)).toISOString()).toBe("2026-07-01T00:00:00.000Z");
    expect(quarterRange(q(2026, 2), 3)).toEqual([q(2025, 4), q(2026, 1), q(2026, 2)]);
  });

  it("counts an assessment in its quarter and the two after, unless a newer one takes over", () => {
    expect(quartersCounted(q(2026, 1), undefined)).toEqual([q(2026, 1), q(2026, 2), q(2026, 3)]);
    expect(quartersCounted(q(2026, 1), q(2026, 3))).toEqual([q(2026, 1), q(2026, 2)]);
    expect(quartersCounted(q(2026, 1), q(2026, 2))).toEqual([q(2026, 1)]);
    expect(quartersCounted(q(2026, 1), q(2027, 2))).toEqual([q(2026, 1), q(2026, 2), q(2026, 3)]);
  });
});

describe("the quarter rule over teams", () => {
  const quarters = quarterRange(q(2026, 4), 6); // 2025 Q3 … 2026 Q4

  it("carries a team's latest assessment forward for two quarters, then leaves the team out", () => {
    const counted = countedByQuarter([result("a", "2025-08-10T00:00:00Z", 2)], quarters);
    expect([...counted].map(([quarter, rs]) => [quarterLabel(quarter), rs.length])).toEqual([
      ["2025 Q3", 1],
      ["2025 Q4", 1],
      ["2026 Q1", 1],
      ["2026 Q2", 0],
      ["2026 Q3", 0],
      ["2026 Q4", 0],
    ]);
  });

  it("uses the latest assessment of a quarter, and a newer assessment replaces an older one", () => {
    const counted = countedByQuarter(
      [
        result("a", "2026-01-05T00:00:00Z", 1),
        result("a", "2026-03-20T00:00:00Z", 2),
        result("a", "2026-08-01T00:00:00Z", 3),
        result("b", "2026-02-01T00:00:00Z", 4),
      ],
      quarters,
    );
    const levels = (quarter: number) =>
      counted
        .get(quarter)!
        .map((r) => `${r.teamId}:${r.waterLevel}`)
        .sort();
    expect(levels(q(2026, 1))).toEqual(["a:2", "b:4"]);
    expect(levels(q(2026, 2))).toEqual(["a:2", "b:4"]);
    expect(levels(q(2026, 3))).toEqual(["a:3", "b:4"]);
    expect(levels(q(2026, 4))).toEqual(["a:3"]);
    expect(levels(q(2025, 4))).toEqual([]);
  });

  it("never counts an assessment before the quarter it was submitted in", () => {
    const counted = countedByQuarter([result("a", "2026-11-30T00:00:00Z", 2)], quarters);
    expect(counted.get(q(2026, 3))).toEqual([]);
    expect(counted.get(q(2026, 4))).toHaveLength(1);
  });
});

describe("median and spread", () => {
  it("interpolates as percentile_cont does", () => {
    expect(quartiles([])).toBeUndefined();
    expect(quartiles([2.5])).toEqual({ q1: 2.5, median: 2.5, q3: 2.5 });
    expect(quartiles([1, 2])).toEqual({ q1: 1.25, median: 1.5, q3: 1.75 });
    expect(quartiles([4, 1, 3, 2])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25 });
    expect(quartiles([1, 2, 3, 4, 5])).toEqual({ q1: 2, median: 3, q3: 4 });
  });
});

describe("weakest-stave distribution", () => {
  const results = [{ weakest: ["cicd"] }, { weakest: ["security"] }, { weakest: ["cicd", "security"] }, { weakest: [] }];

  it("counts a tie for every tied area", () => {
    const counts = tiedWeakestCounts(results);
    expect(Object.fromEntries(counts)).toEqual({ cicd: 2, security: 2 });
    expect(mostCommonWeakest(counts)).toEqual(["cicd", "security"]);
    expect(
      mostCommonWeakest(
        new Map([
          ["cicd", 3],
          ["security", 1],
        ]),
      ),
    ).toEqual(["cicd"]);
    expect(mostCommonWeakest(new Map())).toEqual([]);
  });

  it("gives shares of all weakest-stave counts that add up to 100", () => {
    const shares = weakestShares(tiedWeakestCounts(results), ["cicd", "observability", "security"]);
    expect(shares).toEqual({ cicd: 50, observability: 0, security: 50 });
    expect(weakestShares(new Map(), ["cicd"])).toEqual({ cicd: 0 });
  });
});

describe("heatmap cells", () => {
  it("puts scores in half-level colour steps, darkest for the lowest, so 2.8 and 3.3 differ", () => {
    expect([1, 1.4, 1.5, 2.8, 3, 3.3, 4.9, 5].map((s) => heatStep(s, 1, 5))).toEqual([0, 0, 1, 3, 4, 4, 7, 7]);
    expect(heatStep(2.8, 1, 5)).not.toBe(heatStep(3.3, 1, 5));
    expect(heatStepRanges(1, 5).map((r) => [r.from, r.to].map((n) => formatScore(n)).join("–"))).toEqual([
      "1.0–1.5",
      "1.5–2.0",
      "2.0–2.5",
      "2.5–3.0",
      "3.0–3.5",
      "3.5–4.0",
      "4.0–4.5",
      "4.5–5.0",
    ]);
  });

  it("gives a 0–3 scale six steps that still run from the darkest to the palest colour", () => {
    expect(heatStepRanges(0, 3).map((r) => r.step)).toEqual([0, 1, 3, 4, 6, 7]);
    expect([0, 0.4, 1.4, 1.6, 2.9, 3].map((s) => heatStep(s, 0, 3))).toEqual([0, 0, 3, 4, 7, 7]);
  });

  it("keeps each colour's lightness a clear step from the next, darkest first, for greyscale and colour-blind readers", () => {
    const lightness = HEAT_STEPS.map((s) => relativeLuminance(s.background));
    for (let i = 1; i < lightness.length; i++) expect(lightness[i]! - lightness[i - 1]!).toBeGreaterThan(0.02);
    for (const s of HEAT_STEPS) expect(contrast(s.background, s.text)).toBeGreaterThanOrEqual(4.5);
  });

  it("marks every weakest stave and leaves unscored areas empty", () => {
    expect(heatCells(["a", "b", "c"], { a: 2, b: 2, c: null }, ["a", "b"], { min: 1, max: 5 })).toEqual([
      { areaId: "a", score: 2, step: 2, weakest: true },
      { areaId: "b", score: 2, step: 2, weakest: true },
      { areaId: "c", score: null, step: null, weakest: false },
    ]);
  });
});

describe("headline numbers", () => {
  const quarter = (q: number, teams: number, median?: number, weakest: Record<string, number> = {}) => ({
    quarter: q,
    teams,
    withheld: false,
    weakest,
    ...(median === undefined ? {} : { waterLevel: { q1: median, median, q3: median } }),
  });

  it("names the most common weakest stave now and the median's change since last quarter", () => {
    const headline = dashboardHeadline({
      teams: 10,
      assessedRecently: 7,
      quarters: [quarter(1, 6, 2.05, { a: 4 }), quarter(2, 8, 2.4, { a: 3, b: 3, c: 1 })],
    });
    expect(headline).toEqual({ teams: 10, assessedRecently: 7, mostCommon: { areaIds: ["a", "b"], teams: 3 }, median: 2.4, previousMedian: 2.05, change: 0.4 });
  });

  it("rounds the change as the model's scores are shown: two decimals for SAMM", () => {
    const series = { teams: 10, assessedRecently: 7, quarters: [quarter(1, 4, 1.08), quarter(2, 4, 1.125)] };
    expect(dashboardHeadline(series).change).toBe(0);
    expect(dashboardHeadline(series, 2).change).toBe(0.05);
  });

  it("has no change without last quarter's median, and nothing when nobody counts", () => {
    const headline = dashboardHeadline({ teams: 2, assessedRecently: 0, quarters: [quarter(1, 0), quarter(2, 0)] });
    expect(headline).toEqual({ teams: 2, assessedRecently: 0, mostCommon: undefined, median: undefined, previousMedian: undefined, change: undefined });
  });
});

describe("quarterly chart geometry", () => {
  const layout = { width: 400, height: 200, font: 12 };
  const quarters: QuarterFigures[] = [
    { quarter: 100, teams: 4, withheld: false, weakest: { a: 3, b: 1 }, waterLevel: { q1: 1.5, median: 2, q3: 2.5 } },
    { quarter: 101, teams: 2, withheld: true, weakest: {} },
    { quarter: 102, teams: 0, withheld: false, weakest: {} },
    { quarter: 103, teams: 5, withheld: false, weakest: { a: 1, b: 1, c: 2 }, waterLevel: { q1: 2, median: 3, q3: 4 } },
  ];

  it("stacks each quarter's shares to the full height, and leaves withheld and empty quarters undrawn", () => {
    const g = distributionGeometry(quarters, ["a", "b", "c"], layout);
    const [first, withheld, empty, last] = g.bars;
    expect(first!.segments.map((s) => [s.areaId, s.share])).toEqual([
      ["a", 75],
      ["b", 25],
    ]);
    expect(first!.segments.reduce((sum, s) => sum + s.height, 0)).toBeCloseTo(g.plot.bottom - g.plot.top, 0);
    expect(withheld).toMatchObject({ state: "withheld", segments: [] });
    expect(empty).toMatchObject({ state: "empty", segments: [] });
    expect(last!.segments.map((s) => s.count)).toEqual([1, 1, 2]);
  });

  it("breaks the median line and its band where a quarter has no figures", () => {
    const g = waterLevelGeometry(quarters, { min: 1, max: 5 }, layout);
    expect(g.lines).toHaveLength(2);
    expect(g.bands).toHaveLength(2);
    expect(g.points.map((p) => p.teams)).toEqual([4, 2, 0, 5]);
    expect(g.points[3]!.median!.y).toBeLessThan(g.points[0]!.median!.y);
    expect(g.gridLines.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
  });

  it('leaves room left of the plot for the whole "100 %" label, on a phone\'s larger font too', () => {
    for (const font of [12, 13, 16]) {
      const g = distributionGeometry(quarters, ["a"], { width: 380, height: 260, font });
      // The label ends 8 units left of the plot; at ~0.6 em a character it must start inside the chart.
      expect(g.plot.left - 8 - "100 %".length * font * 0.6).toBeGreaterThanOrEqual(0);
      expect(g.gridLines.at(-1)!.value).toBe(100);
    }
  });
});

function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
