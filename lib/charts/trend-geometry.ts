import { formatDate, formatScore } from "../format";
import type { Trend, TrendTarget } from "../trend";
import type { ScoreDigits } from "../model/scoring-rules";

export type TrendLine = { areaId: string; name: string; index: number; path: string };
export type TrendDot = {
  x: number;
  y: number;
  assessmentId: string;
  waterLevel: number;
  weakest: string | undefined;
  label: string;
  /** With several respondents: a whisker over the range of their own scores of the weakest stave. */
  range?: { y1: number; y2: number; title: string };
};
export type TrendTick = { x: number; label: string };

export type TrendGeometry = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  gridLines: { value: number; y: number }[];
  ticks: TrendTick[];
  areaLines: TrendLine[];
  water: { path: string; dots: TrendDot[] };
  modelChanges: { x: number; label: string }[];
  /** Each target as a dashed segment from where it was set to its level on its date, and how it fared. */
  targets: {
    assessmentId: string;
    from: { x: number; y: number };
    to: { x: number; y: number };
    outcome: { state: "reached" | "missed"; x: number; y: number } | { state: "open" };
    title: string;
  }[];
  /** Each note as a numbered marker along the top of the plot (1 for the oldest). */
  annotations: { id: string; x: number; number: number; title: string }[];
};

/** A polyline through the points that have a value; gaps (an area not scored then) are bridged. */
function polyline(points: readonly { x: number; y: number | null }[]): string {
  const present = points.filter((p): p is { x: number; y: number } => p.y !== null);
  return present.map((p, i) => `${i === 0 ? "M" : "L"}${round(p.x)},${round(p.y)}`).join(" ");
}

const round = (n: number) => Math.round(n * 10) / 10;

/** How far apart two assessments of the same day are drawn, in slots: close, not months apart. */
const SAME_DAY = 0.2;

/**
 * Where a slot sits along the x axis, in slot widths: assessments of the same day (UTC) closer
 * together than those of different days; anything between two assessments in proportion, and
 * anything beyond the ends by whole slots as before.
 */
export function axisOf(trend: Trend): (slot: number) => number {
  const days = trend.points.map((p) => p.submittedAt.slice(0, 10));
  const at = [0];
  for (let i = 1; i < days.length; i++) at.push(at[i - 1]! + (days[i] === days[i - 1] ? SAME_DAY : 1));
  const last = at.length - 1;
  return (slot) => {
    if (slot <= 0) return slot;
    if (slot >= last) return at[last]! + (slot - last);
    const i = Math.floor(slot);
    return at[i]! + (slot - i) * (at[i + 1]! - at[i]!);
  };
}

/** The span of slots the x axis covers: every assessment, and any target date or note beyond them. */
export function trendDomain(trend: Trend): { lo: number; hi: number } {
  const slots = [0, trend.points.length - 1, ...trend.targets.map((t) => t.slot), ...trend.annotations.map((a) => a.slot)];
  return { lo: Math.min(...slots), hi: Math.max(...slots) };
}

/** The narrowest span the x axis covers, in slot widths: two assessments of one day stay close. */
const MIN_SPAN = 1;

/**
 * Where the x axis starts and ends along `axisOf`: the domain's ends, widened evenly to at least
 * one slot, so a trend of two assessments made the same day is not stretched across the chart.
 */
export function axisSpan(trend: Trend): { axis: (slot: number) => number; lo: number; hi: number } {
  const axis = axisOf(trend);
  const domain = trendDomain(trend);
  const [lo, hi] = [axis(domain.lo), axis(domain.hi)];
  const widen = Math.max(0, MIN_SPAN - (hi - lo)) / 2;
  return { axis, lo: lo - widen, hi: hi + widen };
}

/**
 * Lays out the trend chart: assessments evenly spaced in time order, every area as a line, the
 * water level as a line whose dots name the weakest stave, and where the model changed. Pure
 * geometry, so the component only draws and the same figures can be checked in a test.
 */
/** The range a trend is drawn on, and the decimals its scores are shown with (the model's; default 1). */
export type TrendScale = { min: number; max: number; digits?: ScoreDigits };

export function trendGeometry(trend: Trend, scale: TrendScale, size = { width: 720, height: 340, maxTicks: 10, font: 12 }): TrendGeometry {
  const plot = { left: 40, right: size.width - 24, top: 20, bottom: size.height - 40 };
  const { axis, lo, hi } = axisSpan(trend);
  const xOf = (slot: number) => plot.left + 16 + ((axis(slot) - lo) * (plot.right - plot.left - 32)) / (hi - lo);
  // From the scale's first value to its last: a 1–5 scale starts at 1, SAMM's 0–3 at 0.
  const yOf = (v: number) => plot.bottom - ((v - scale.min) / (scale.max - scale.min || 1)) * (plot.bottom - plot.top);

  const areaLines = trend.areas.map<TrendLine>((area, index) => ({
    areaId: area.areaId,
    name: area.name,
    index,
    path: polyline(trend.points.map((p, i) => ({ x: xOf(i), y: p.areas[area.areaId] == null ? null : yOf(p.areas[area.areaId]!) }))),
  }));
  const dots = trend.points.flatMap<TrendDot>((p, i) =>
    p.waterLevel === null
      ? []
      : [
          {
            x: xOf(i),
            y: yOf(p.waterLevel),
            assessmentId: p.assessmentId,
            waterLevel: p.waterLevel,
            weakest: p.weakest[0],
            label: p.label,
            ...(p.respondents &&
              p.respondents.low !== null &&
              p.respondents.high !== null &&
              p.respondents.count > 1 && {
                range: { y1: yOf(p.respondents.low), y2: yOf(p.respondents.high), title: rangeTitle(p.respondents, scale.digits) },
              }),
          },
        ],
  );
  const ticks = dateTicks(
    trend.points.map((p, i) => ({ x: xOf(i), label: p.label })),
    size.font,
    size.maxTicks,
  );

  return {
    width: size.width,
    height: size.height,
    plot,
    gridLines: Array.from({ length: Math.floor(scale.max - scale.min) + 1 }, (_, i) => ({ value: scale.min + i, y: yOf(scale.min + i) })),
    ticks,
    areaLines,
    water: { path: polyline(dots), dots },
    modelChanges: trend.points.flatMap((p, i) => (p.modelChanged ? [{ x: xOf(i), label: p.modelVersion }] : [])),
    targets: trend.targets.map((t) => ({
      assessmentId: t.assessmentId,
      from: { x: xOf(t.fromSlot), y: yOf(t.fromScore) },
      to: { x: xOf(t.slot), y: yOf(t.level) },
      outcome:
        t.outcome.state === "reached"
          ? { state: "reached", x: xOf(t.outcome.slot), y: yOf(t.outcome.score) }
          : t.outcome.state === "missed"
            ? { state: "missed", x: xOf(t.slot), y: yOf(t.level) }
            : { state: "open" },
      title: targetTitle(t, scale.digits),
    })),
    annotations: trend.annotations.map((a, i) => ({ id: a.id, x: xOf(a.slot), number: i + 1, title: `Note ${i + 1}, ${formatDate(a.on)}: ${a.text}` })),
  };
}

/**
 * The x axis's dates: one per day (assessments of the same day share it), none closer to the
 * next than its width allows, at most `maxTicks`, always keeping the newest.
 */
export function dateTicks(points: readonly TrendTick[], font: number, maxTicks: number): TrendTick[] {
  const ticks: TrendTick[] = [];
  for (const p of [...points].reverse()) {
    const previous = ticks.at(-1);
    if (previous?.label === p.label) continue;
    const width = p.label.length * font * 0.55;
    if (previous && previous.x - p.x < width + font) continue;
    if (ticks.length < maxTicks) ticks.push(p);
  }
  return ticks.reverse();
}

export type WeakestName = { assessmentId: string; areaId: string; x: number; y: number };

/**
 * Where the weakest stave's name goes, at each dot where it changes: under the dot, or above it
 * when under would overlap a name already placed, or not at all when neither fits (the dot's
 * colour and tooltip, and the table, still say it). A name's width is estimated from its length.
 */
export function weakestNames(dots: readonly TrendDot[], nameOf: (areaId: string) => string, font: number): WeakestName[] {
  const placed: { x: number; y: number; half: number }[] = [];
  const clashes = (x: number, y: number, half: number) => placed.some((p) => Math.abs(p.x - x) < p.half + half + 4 && Math.abs(p.y - y) < font + 2);
  return dots.flatMap<WeakestName>((dot, i) => {
    if (!dot.weakest || dot.weakest === dots[i - 1]?.weakest) return [];
    const half = (nameOf(dot.weakest).length * font * 0.6) / 2;
    const y = [dot.y + 22, dot.y - 14].find((candidate) => !clashes(dot.x, candidate, half));
    if (y === undefined) return [];
    placed.push({ x: dot.x, y, half });
    return [{ assessmentId: dot.assessmentId, areaId: dot.weakest, x: dot.x, y: round(y) }];
  });
}

/** What a target's segment says when someone points at it (and the text alternative's wording). */
export function targetTitle(t: TrendTarget, digits: ScoreDigits = 1): string {
  const aim = `Target: ${t.areaName} from ${formatScore(t.fromScore, digits)} to ${t.level} by ${formatDate(t.dueOn)}`;
  if (t.outcome.state === "reached") return `${aim}, reached on ${formatDate(t.outcome.on)} (${formatScore(t.outcome.score, digits)})`;
  if (t.outcome.state === "missed") return `${aim}, missed${t.outcome.score === null ? "" : ` (${formatScore(t.outcome.score, digits)} by then)`}`;
  return `${aim}, still open`;
}

/** What a water-level whisker says: how far apart the respondents' own scores of the weakest stave were. */
export const rangeTitle = (r: { count: number; low: number | null; high: number | null }, digits: ScoreDigits = 1) =>
  `${r.count} respondents; their own scores of the weakest stave ran from ${formatScore(r.low, digits)} to ${formatScore(r.high, digits)}`;
