// The heatmap's colour scale: ColorBrewer's YlGnBu in five steps (one darkened for contrast). It is safe for the common kinds
// of colour blindness and its lightness falls steadily, so it still reads printed in greyscale;
// the number is in every cell anyway.

export type HeatStep = { background: string; text: string };

export const HEAT_STEPS: readonly HeatStep[] = [
  { background: "#ffffcc", text: "#1c1917" },
  { background: "#a1dab4", text: "#1c1917" },
  { background: "#41b6c4", text: "#1c1917" },
  { background: "#1d6fa5", text: "#ffffff" }, // a little darker than the original, for 4.5:1 contrast with white
  { background: "#253494", text: "#ffffff" },
];

/** Which colour step a score falls in on a scale from `min` to `max`: equal slices, lowest first. */
export function heatStep(score: number, min: number, max: number): number {
  const fraction = max === min ? 1 : (score - min) / (max - min);
  return Math.max(0, Math.min(HEAT_STEPS.length - 1, Math.floor(fraction * HEAT_STEPS.length)));
}

/** The score range each step covers, for the legend: "1.0–1.8". */
export function heatStepRanges(min: number, max: number): { from: number; to: number }[] {
  const width = (max - min) / HEAT_STEPS.length;
  return HEAT_STEPS.map((_, i) => ({ from: min + i * width, to: min + (i + 1) * width }));
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
