// The heatmap's colour scale: ColorBrewer's YlOrRd, reversed, so the lowest scores are the darkest and
// most saturated red ("needs work" at a glance) and the best the palest yellow. It is safe for the
// common kinds of colour blindness and its lightness rises by a clear step at each colour, so it
// still reads printed in greyscale; the number is in every cell anyway. Steps are half a level
// wide, so 2.8 and 3.3 never share a colour.

export type HeatStep = { background: string; text: string };

/** The palette, lowest score first; text colours keep 4.5:1 contrast on each. */
export const HEAT_STEPS: readonly HeatStep[] = [
  { background: "#7f0026", text: "#ffffff" },
  { background: "#bd0026", text: "#ffffff" },
  { background: "#e31a1c", text: "#ffffff" },
  { background: "#fc4e2a", text: "#1c1917" },
  { background: "#fd8d3c", text: "#1c1917" },
  { background: "#feb24c", text: "#1c1917" },
  { background: "#fed976", text: "#1c1917" },
  { background: "#ffffcc", text: "#1c1917" },
];

/** How many steps a scale gets: one per half level, between 4 and the palette's 8. */
export function heatStepCount(min: number, max: number): number {
  return Math.max(4, Math.min(HEAT_STEPS.length, Math.round((max - min) * 2)));
}

/** The palette entries a scale uses, spread over the whole palette so the ends stay dark and pale. */
export function heatPalette(min: number, max: number): number[] {
  const count = heatStepCount(min, max);
  return Array.from({ length: count }, (_, i) => Math.round((i * (HEAT_STEPS.length - 1)) / (count - 1)));
}

/**
 * The palette entry (an index into HEAT_STEPS) a score falls in on a scale from `min` to `max`:
 * equal slices, lowest first; a score on a boundary belongs to the step above it.
 */
export function heatStep(score: number, min: number, max: number): number {
  const count = heatStepCount(min, max);
  // Twelve significant digits, as in rounding: 3.0 on a 1–5 scale is a boundary, not just below it.
  const fraction = max === min ? 1 : Number(((score - min) / (max - min)).toPrecision(12));
  const slice = Math.max(0, Math.min(count - 1, Math.floor(Number((fraction * count).toPrecision(12)))));
  return heatPalette(min, max)[slice]!;
}

/** The steps a scale uses, each with its palette entry and the score range it covers, for the legend: "2.5–3.0". */
export function heatStepRanges(min: number, max: number): { step: number; from: number; to: number }[] {
  const palette = heatPalette(min, max);
  const width = (max - min) / palette.length;
  return palette.map((step, i) => ({ step, from: min + i * width, to: min + (i + 1) * width }));
}

export type HeatCell = { areaId: string; score: number | null; step: number | null; weakest: boolean };

/** A team's row of cells in area order: its score in each area, its colour step, and whether it is a weakest stave. */
export function heatCells(
  areaIds: readonly string[],
  scores: Readonly<Record<string, number | null>>,
  weakest: readonly string[],
  scale: { min: number; max: number },
): HeatCell[] {
  return areaIds.map((areaId) => {
    const score = scores[areaId] ?? null;
    return {
      areaId,
      score,
      step: score === null ? null : heatStep(score, scale.min, scale.max),
      weakest: weakest.includes(areaId),
    };
  });
}
