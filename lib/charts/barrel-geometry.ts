import type { ScaleLevel } from "../model/schema";
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
  labelLines: string[];
};

export type BarrelGeometry = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  barrel: { left: number; right: number };
  gridLines: { value: number; label: string; y: number }[];
  staves: BarrelStave[];
  hoops: number[];
  water?: {
    y: number;
    body: string;
    surface: string;
    spill?: string;
    puddle?: { cx: number; cy: number; rx: number; ry: number };
  };
};

/** Splits an area name into at most two lines of about `max` characters for a stave label. */
export function wrapLabel(text: string, max = 14): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + " " + word).length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= 2) return lines;
  return [
    lines[0]!,
    `${lines
      .slice(1)
      .join(" ")
      .slice(0, max - 1)}…`,
  ];
}

/** Lays out the barrel chart: pure geometry, so the component only draws. */
export function barrelGeometry(
  score: AssessmentScore,
  scale: readonly ScaleLevel[],
  size: { width: number; height: number; labelledScale: boolean },
): BarrelGeometry {
  const max = scale[scale.length - 1]!.value;
  // Room on the left for the scale's labels, on the right for the water level's.
  const plot = { left: size.labelledScale ? 100 : 28, right: size.width - 96, top: 28, bottom: size.height - 62 };
  const yOf = (v: number) => plot.bottom - (v / max) * (plot.bottom - plot.top);
  const n = Math.max(score.areas.length, 1);
  const gap = 4;
  const staveWidth = Math.min(96, (plot.right - plot.left - 24 - gap * (n - 1)) / n);
  const barrelWidth = staveWidth * n + gap * (n - 1);
  const barrelLeft = plot.left + (plot.right - plot.left - barrelWidth) / 2;

  const staves = score.areas.map<BarrelStave>((area, i) => {
    const x = barrelLeft + i * (staveWidth + gap);
    const top = area.score === null ? plot.bottom : yOf(area.score);
    const height = area.score === null ? null : plot.bottom - top;
    const r = Math.min(8, staveWidth / 4);
    // A plank with a rounded top, flaring a little at the bottom like a barrel's staves.
    const flare = 2;
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
      labelLines: wrapLabel(area.name),
    };
  });

  const gridLines = scale.map((l) => ({ value: l.value, label: l.label, y: yOf(l.value) }));
  const geometry: BarrelGeometry = {
    width: size.width,
    height: size.height,
    plot,
    barrel: { left: barrelLeft, right: barrelLeft + barrelWidth },
    gridLines,
    staves,
    hoops: [],
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
