// How a room voted on one question: the distribution, the median, the
// spread and whether the team disagrees. Pure, so the presenter, the report and the tests agree.

/** A vote: a level, "unsure" or "not applicable" (no reason is asked of a voter). */
export type Vote = { kind: "level"; level: number } | { kind: "unsure" } | { kind: "not_applicable" };

export type Tally = {
  /** Votes at each level of the scale, in scale order. */
  levels: { level: number; count: number }[];
  unsure: number;
  notApplicable: number;
  total: number;
  /** The median of the level votes; with an even number, the lower of the two middle ones. */
  median: number | null;
  /** Highest level voted minus the lowest. */
  spread: number | null;
  /** The middle half of the level votes (upper quartile minus lower), with four or more of them. */
  interquartile: number | null;
  /** The team disagrees: the level votes are two or more levels apart. */
  disagrees: boolean;
};

/** Disagreement starts at this spread, in levels. */
const DISAGREEMENT_SPREAD = 2;

/**
 * Tallies the votes on a scale. Only level votes enter the median and the spread: "unsure" and
 * "not applicable" are counted beside them, as positions of their own. With an even number of
 * level votes the median is the lower middle one: a team answer is a whole level, and when the room
 * is split the weaker reading is the one the water level can rely on.
 */
export function tally(votes: readonly Vote[], scale: readonly number[]): Tally {
  const levels = votes.flatMap((v) => (v.kind === "level" ? [v.level] : [])).sort((a, b) => a - b);
  const n = levels.length;
  const spread = n > 0 ? levels[n - 1]! - levels[0]! : null;
  return {
    levels: scale.map((level) => ({ level, count: levels.filter((l) => l === level).length })),
    unsure: votes.filter((v) => v.kind === "unsure").length,
    notApplicable: votes.filter((v) => v.kind === "not_applicable").length,
    total: votes.length,
    median: n > 0 ? levels[Math.ceil(n / 2) - 1]! : null,
    spread,
    interquartile: n >= 4 ? quantile(levels, 0.75) - quantile(levels, 0.25) : null,
    disagrees: spread !== null && spread >= DISAGREEMENT_SPREAD,
  };
}

/** A quantile of sorted numbers, interpolating between neighbours (the usual "type 7" definition). */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * What the team answer is until the facilitator records one: the median level; with no level
 * votes, "not applicable" when everyone said so, otherwise "unsure".
 */
export function defaultConsensus(t: Tally): Vote | undefined {
  if (t.total === 0) return undefined;
  if (t.median !== null) return { kind: "level", level: t.median };
  return t.notApplicable === t.total ? { kind: "not_applicable" } : { kind: "unsure" };
}

/** A vote as a row keeps it (a kind, and a level for a level vote). */
export const voteFromColumns = (row: { kind: Vote["kind"]; level: number | null }): Vote =>
  row.kind === "level" ? { kind: "level", level: row.level! } : { kind: row.kind };
