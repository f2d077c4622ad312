/**
 * Rounds half up (away from zero) on the decimal figure a person reads, not on the binary one:
 * 2.35 is held as 2.3499…, and the median of 2.3 and 2.4 comes out as 2.3499999999999996, yet
 * both must show as 2.4. Twelve significant digits drop that noise before rounding; no figure
 * Stave shows carries more. Every figure Stave rounds goes through here (and `formatFixed`).
 */
export function roundHalfUp(n: number, digits: number): number {
  if (!Number.isFinite(n)) return n;
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(n) * factor).toPrecision(12));
  const rounded = (Math.sign(n) * Math.floor(scaled + 0.5)) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** A figure with a fixed number of decimals, rounded half up: "2.4", "2.23", "100". */
export const formatFixed = (n: number, digits: number) => roundHalfUp(n, digits).toFixed(digits);
