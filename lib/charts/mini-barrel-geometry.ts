// The small barrel on a team's card: one bar per area, as tall as its score on the model's scale,
// and a line at the water level. Pure geometry, so the component only draws.

export type MiniStave = { areaId: string; score: number | null; weakest: boolean };

export type MiniBarrelGeometry = {
  width: number;
  height: number;
  /** The barrel's floor and the top of the scale, in SVG units. */
  floor: number;
  top: number;
  bars: { areaId: string; x: number; y: number; width: number; height: number; weakest: boolean; scored: boolean }[];
  /** The water level's height; none when no area was scored. */
  waterY?: number;
  barrel: { left: number; right: number };
};

const GAP = 2;
const PAD = 2;

export function miniBarrelGeometry(
  staves: readonly MiniStave[],
  waterLevel: number | null,
  scaleMax: number,
  size: { width: number; height: number } = { width: 72, height: 48 },
): MiniBarrelGeometry {
  const floor = size.height - PAD;
  const top = PAD + 2;
  const yOf = (value: number) => floor - (Math.min(Math.max(value, 0), scaleMax) / scaleMax) * (floor - top);
  const n = Math.max(staves.length, 1);
  const inner = size.width - 2 * PAD;
  const barWidth = (inner - GAP * (n - 1)) / n;
  const bars = staves.map((s, i) => {
    const x = PAD + i * (barWidth + GAP);
    const y = s.score === null ? floor : yOf(s.score);
    return { areaId: s.areaId, x, y, width: barWidth, height: floor - y, weakest: s.weakest, scored: s.score !== null };
  });
  return {
    width: size.width,
    height: size.height,
    floor,
    top,
    bars,
    ...(waterLevel !== null && { waterY: yOf(waterLevel) }),
    barrel: { left: PAD, right: size.width - PAD },
  };
}
