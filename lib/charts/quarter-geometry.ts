import type { QuarterFigures } from "../dashboard/aggregate";
import { weakestShares } from "../dashboard/aggregate";
import { quarterLabel } from "../dashboard/quarter";

// Geometry of the dashboard's two quarterly charts: the weakest-stave distribution (100 % stacked
// bars) and the water level (median line in its interquartile band). Pure, so the components only draw.

export type QuarterLayout = { width: number; height: number; font: number };

type Plot = { left: number; right: number; top: number; bottom: number };

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The plot inside the chart, with room on the left for the widest axis label ("100 %"), estimated
 * at 0.62 em a character, the label's gap of 8 and a margin, so no label is cut at any font size.
 */
export function plotOf(layout: QuarterLayout, widestLabel: string): Plot {
  const left = Math.max(44, Math.ceil(widestLabel.length * layout.font * 0.62) + 14);
  return { left, right: layout.width - 12, top: 12, bottom: layout.height - 44 };
}

/** Evenly spaced slots, one per quarter, and a label short enough for a narrow chart ("Q3 ’26"). */
function slots(count: number, plot: Plot) {
  const slot = (plot.right - plot.left) / Math.max(1, count);
  return { slot, centre: (i: number) => plot.left + slot * (i + 0.5) };
}

export const shortQuarter = (quarter: number) => {
  const [year, q] = quarterLabel(quarter).split(" ");
  return `${q} ’${year!.slice(2)}`;
};

/** `labelY`: the baseline of the segment's share, written in its middle. */
export type DistributionSegment = { areaId: string; y: number; height: number; labelY: number; share: number; count: number };
export type DistributionBar = {
  quarter: number;
  x: number;
  width: number;
  /** The bar's middle, where its labels are centred. */
  centre: number;
  label: string;
  teams: number;
  /** no teams counted, or withheld for privacy: the bar is not drawn. */
  state: "shown" | "empty" | "withheld";
  segments: DistributionSegment[];
};

/** The share of each area among the weakest staves per quarter, as stacked bars that reach 100 %. */
export function distributionGeometry(quarters: readonly QuarterFigures[], areaIds: readonly string[], layout: QuarterLayout) {
  const plot = plotOf(layout, "100 %");
  const { slot, centre } = slots(quarters.length, plot);
  const width = Math.min(56, slot * 0.7);
  const yOf = (percent: number) => plot.bottom - (percent / 100) * (plot.bottom - plot.top);
  const bars = quarters.map<DistributionBar>((figures, i) => {
    const counts = new Map(Object.entries(figures.weakest));
    const shares = weakestShares(counts, areaIds);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    let from = 0;
    const segments =
      figures.withheld || total === 0
        ? []
        : areaIds.flatMap<DistributionSegment>((areaId) => {
            const share = shares[areaId]!;
            if (share === 0) return [];
            const y = yOf(from + share);
            const height = yOf(from) - y;
            const segment = {
              areaId,
              y: round(y),
              height: round(height),
              labelY: round(y + height / 2 + layout.font / 3),
              share,
              count: counts.get(areaId) ?? 0,
            };
            from += share;
            return [segment];
          });
    return {
      quarter: figures.quarter,
      x: round(centre(i) - width / 2),
      width: round(width),
      centre: round(centre(i)),
      label: shortQuarter(figures.quarter),
      teams: figures.teams,
      state: figures.withheld ? "withheld" : total === 0 ? "empty" : "shown",
      segments,
    };
  });
  const gridLines = [0, 25, 50, 75, 100].map((value) => ({ value, y: round(yOf(value)) }));
  return { width: layout.width, height: layout.height, plot, bars, gridLines };
}

export type WaterPoint = { quarter: number; x: number; label: string; teams: number; median?: { y: number; value: number }; band?: { q1: number; q3: number } };

/**
 * The median water level per quarter as a line, its interquartile range as a band around it, and
 * the number of teams under each quarter. Quarters without figures break the line and the band.
 */
export function waterLevelGeometry(quarters: readonly QuarterFigures[], scale: { min: number; max: number }, layout: QuarterLayout) {
  const plot = plotOf(layout, String(scale.max));
  const { centre } = slots(quarters.length, plot);
  const yOf = (v: number) => plot.bottom - ((v - scale.min) / (scale.max - scale.min || 1)) * (plot.bottom - plot.top);
  const points = quarters.map<WaterPoint>((figures, i) => ({
    quarter: figures.quarter,
    x: round(centre(i)),
    label: shortQuarter(figures.quarter),
    teams: figures.teams,
    ...(figures.waterLevel
      ? {
          median: { y: round(yOf(figures.waterLevel.median)), value: figures.waterLevel.median },
          band: { q1: round(yOf(figures.waterLevel.q1)), q3: round(yOf(figures.waterLevel.q3)) },
        }
      : {}),
  }));
  // Runs of consecutive quarters with figures: one line and one band each.
  const runs: WaterPoint[][] = [[]];
  for (const p of points) {
    if (p.median) runs.at(-1)!.push(p);
    else if (runs.at(-1)!.length > 0) runs.push([]);
  }
  const present = runs.filter((r) => r.length > 0);
  const lines = present.map((run) => run.map((p, i) => `${i === 0 ? "M" : "L"}${p.x},${p.median!.y}`).join(" "));
  const bands = present.map((run) => {
    const top = run.map((p) => `${p.x},${p.band!.q3}`);
    const bottom = [...run].reverse().map((p) => `${p.x},${p.band!.q1}`);
    // A lone quarter gets a short bar of its own width.
    if (run.length === 1) {
      const p = run[0]!;
      return `M${p.x - 8},${p.band!.q3} L${p.x + 8},${p.band!.q3} L${p.x + 8},${p.band!.q1} L${p.x - 8},${p.band!.q1} Z`;
    }
    return `M${top.join(" L")} L${bottom.join(" L")} Z`;
  });
  const gridLines: { value: number; y: number }[] = [];
  for (let v = scale.min; v <= scale.max; v++) gridLines.push({ value: v, y: round(yOf(v)) });
  return { width: layout.width, height: layout.height, plot, points, lines, bands, gridLines };
}
