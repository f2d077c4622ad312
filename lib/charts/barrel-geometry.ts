import type { ScoreMark, ScoreDigits } from "../model/scoring-rules";
import { formatScore } from "../format";
import type { AssessmentScore } from "../scoring";

export type BarrelStave = {
  areaId: string;
  score: number | null;
  weakest: boolean;
  x: number;
  width: number;
  /** Top edge in SVG units; the plot bottom when the area is not scored. */
  top: number;
  height: number | null;
  path: string;
  /** The area's name as the label shows it: wrapped under the stave, or one line turned upright. */
  labelLines: string[];
};

/**
 * How the staves are labelled. `wrapped`: names in up to three lines under each stave and the
 * score above it. `upright`: when names don't fit side by side (many areas, a phone), each name
 * runs upwards under its stave, ending in its score, and no score stands above the staves.
 */
export type BarrelLabels = {
  mode: "wrapped" | "upright";
  font: number;
  lineHeight: number;
  scoresAbove: boolean;
  scoreFont: number;
  /** The scale's and the water level's labels: as large as the names on a phone. */
  small: number;
};

export type BarrelSize = {
  width: number;
  /** Height with the default room for labels under the plot; upright labels add what they need. */
  height: number;
  labelledScale: boolean;
  /** A phone's drawing: narrower margins so the staves get the width. */
  narrow?: boolean;
  font?: number;
  /** The decimals the model's scores are shown with (`scoreDigits`); default 1. */
  digits?: ScoreDigits;
};

export type BarrelGeometry = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  barrel: { left: number; right: number };
  gridLines: { value: number; label: string; y: number }[];
  staves: BarrelStave[];
  hoops: number[];
  labels: BarrelLabels;
  /** Where the water level's label starts, right of the barrel, and its lines. */
  waterLabel: { x: number; lines: string[] };
  water?: {
    y: number;
    body: string;
    surface: string;
    spill?: string;
    puddle?: { cx: number; cy: number; rx: number; ry: number };
  };
};

/** Splits an area name into at most `maxLines` lines of about `max` characters for a stave label. */
export function wrapLabel(text: string, max = 14, maxLines = 2): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + " " + word).length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  return [
    ...lines.slice(0, maxLines - 1),
    `${lines
      .slice(maxLines - 1)
      .join(" ")
      .slice(0, max - 1)}…`,
  ];
}

/** A text's width, estimated at 0.55 em a character (a little over a sans-serif's average): labels are laid out on the server, unmeasured. */
export const textWidth = (text: string, font: number) => text.length * font * 0.55;

/** Upright labels stop at this many characters, with an ellipsis. */
const UPRIGHT_CHARACTERS = 34;

/** The widest line of a label, as drawn. */
export const labelWidth = (lines: readonly string[], font: number) => Math.max(...lines.map((line) => textWidth(line, font)));

/**
 * The labels' mode and sizes for staves `pitch` units apart: wrapped names when no two
 * neighbours' labels meet and the outer ones stay inside the chart (`edges`: from the first
 * stave's middle to the chart's left edge, and from the last one's to its right), otherwise upright.
 */
export function barrelLabels(names: readonly string[], pitch: number, font: number, edges: { left: number; right: number }): BarrelLabels {
  const lineHeight = Math.round(font * 1.15);
  const scoreFont = font + 2;
  const maxChars = Math.floor((pitch - 4) / (font * 0.55));
  const wrapped = names.map((name) => wrapLabel(name, maxChars, 3));
  const widths = wrapped.map((lines) => labelWidth(lines, font));
  const wraps =
    maxChars >= 4 &&
    wrapped.every((lines) => !lines.some((line) => line.endsWith("…"))) &&
    widths.every((w, i) => i === 0 || (w + widths[i - 1]!) / 2 <= pitch - 4) &&
    widths[0]! / 2 <= edges.left &&
    widths.at(-1)! / 2 <= edges.right;
  if (wraps) return { mode: "wrapped", font, lineHeight, scoresAbove: textWidth("0.0", scoreFont) + 2 <= pitch, scoreFont, small: 12 };
  return { mode: "upright", font, lineHeight, scoresAbove: false, scoreFont, small: 12 };
}

const uprightLabel = (name: string, score: number | null, scoreText: (n: number | null) => string) => {
  const shortened = name.length > UPRIGHT_CHARACTERS ? `${name.slice(0, UPRIGHT_CHARACTERS - 1).trimEnd()}…` : name;
  return `${shortened} ${scoreText(score)}`;
};

/** Lays out the barrel chart: pure geometry, so the component only draws. */
export function barrelGeometry(score: AssessmentScore, scale: readonly ScoreMark[], size: BarrelSize): BarrelGeometry {
  const show = (n: number | null) => formatScore(n, size.digits);
  const max = scale[scale.length - 1]!.value;
  const font = size.font ?? 13;
  const n = Math.max(score.areas.length, 1);
  // Room on the left for the scale's labels, on the right for the water level's; a phone's
  // drawing writes the water level in three short lines to leave the staves more width.
  const margin = size.narrow ? Math.ceil(textWidth("water", font)) + 20 : 96;
  const plot = { left: size.labelledScale ? 100 : size.narrow ? 24 : 28, right: size.width - margin, top: 28, bottom: size.height - 62 };
  const yOf = (v: number) => plot.bottom - (v / max) * (plot.bottom - plot.top);
  const gap = n > 10 ? 2 : 4;
  const inset = size.narrow ? 8 : 24;
  const staveWidth = Math.min(96, (plot.right - plot.left - inset - gap * (n - 1)) / n);
  const barrelWidth = staveWidth * n + gap * (n - 1);
  const barrelLeft = plot.left + (plot.right - plot.left - barrelWidth) / 2;
  const fitted = barrelLabels(
    score.areas.map((a) => a.name),
    staveWidth + gap,
    font,
    { left: barrelLeft + staveWidth / 2, right: size.width - (barrelLeft + barrelWidth - staveWidth / 2) },
  );
  // On a phone every text is as large as the names: 13 units are about 11.5 px there.
  const labels = size.narrow ? { ...fitted, small: font } : fitted;
  const maxChars = Math.floor((staveWidth + gap - 4) / (font * 0.55));

  const staves = score.areas.map<BarrelStave>((area, i) => {
    const x = barrelLeft + i * (staveWidth + gap);
    const top = area.score === null ? plot.bottom : yOf(area.score);
    const height = area.score === null ? null : plot.bottom - top;
    const r = Math.min(8, staveWidth / 4);
    // A plank with a rounded top, flaring a little at the bottom like a barrel's staves.
    const flare = Math.min(2, gap / 2);
    const path = `M${x - flare},${plot.bottom} L${x},${top + r} Q${x},${top} ${x + r},${top} L${x + staveWidth - r},${top} Q${x + staveWidth},${top} ${x + staveWidth},${top + r} L${x + staveWidth + flare},${plot.bottom} Z`;
    return {
      areaId: area.areaId,
      score: area.score,
      weakest: score.weakest.includes(area.areaId),
      x,
      width: staveWidth,
      top,
      height,
      path,
      labelLines: labels.mode === "wrapped" ? wrapLabel(area.name, maxChars, 3) : [uprightLabel(area.name, area.score, show)],
    };
  });
  // Under the plot: wrapped names and the weakest-stave note, or the longest upright label.
  const below =
    labels.mode === "wrapped"
      ? 20 + Math.max(...staves.map((s) => s.labelLines.length + (s.weakest ? 1 : 0)), 2) * labels.lineHeight
      : 12 + Math.max(...staves.map((s) => textWidth(s.labelLines[0]!, font)));
  const height = Math.max(size.height, Math.ceil(plot.bottom + below + 8));
  const waterLabel = {
    x: barrelLeft + barrelWidth + 18,
    lines: size.narrow ? ["water", "level", show(score.waterLevel)] : ["water level", show(score.waterLevel)],
  };

  const gridLines = scale.map((l) => ({ value: l.value, label: l.label, y: yOf(l.value) }));
  const geometry: BarrelGeometry = {
    width: size.width,
    height,
    plot,
    barrel: { left: barrelLeft, right: barrelLeft + barrelWidth },
    gridLines,
    staves,
    hoops: [],
    labels,
    waterLabel,
  };
  if (score.waterLevel === null) return geometry;

  const y = yOf(score.waterLevel);
  const left = barrelLeft + 2;
  const right = barrelLeft + barrelWidth - 2;
  const waves = Math.max(4, n * 3);
  const step = (right - left) / waves;
  let surface = `M${left},${y}`;
  for (let i = 0; i < waves; i++) surface += ` q${step / 2},${i % 2 === 0 ? -3 : 3} ${step},0`;
  const body = `${surface} L${right},${plot.bottom} L${left},${plot.bottom} Z`;

  const fill = plot.bottom - y;
  geometry.hoops = [plot.bottom - fill * 0.22, plot.bottom - fill * 0.72].filter((h) => plot.bottom - h > 10);

  const primary = staves.find((s) => s.areaId === score.weakest[0]);
  if (!primary) return { ...geometry, water: { y, body, surface } };
  // Water pouring over the lowest stave and pooling in front of the barrel.
  const cx = primary.x + primary.width / 2;
  const spill = `M${cx - 10},${y - 1} C${cx - 4},${y - 6} ${cx + 4},${y - 6} ${cx + 10},${y - 1} C${cx + 8},${y + 30} ${cx + 4},${plot.bottom - 20} ${cx + 5},${plot.bottom} L${cx - 5},${plot.bottom} C${cx - 4},${plot.bottom - 20} ${cx - 8},${y + 30} ${cx - 10},${y - 1} Z`;
  const puddle = { cx, cy: plot.bottom + 3, rx: Math.min(primary.width * 0.7, 40), ry: 5 };
  return { ...geometry, water: { y, body, surface, spill, puddle } };
}
