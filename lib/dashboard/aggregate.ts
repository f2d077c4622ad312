import { quarterOf, quartersCounted, type Quarter } from "./quarter";

// The aggregations of the leadership dashboard, as pure functions. The database computes the same
// from stored scores (db/queries/dashboard.ts); tests hold the two to each other.

export type Quartiles = { q1: number; median: number; q3: number };

/**
 * The median and interquartile range of a sample, interpolating between neighbours (as
 * PostgreSQL's percentile_cont does). Undefined for an empty sample.
 */
export function quartiles(values: readonly number[]): Quartiles | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) => {
    const position = fraction * (sorted.length - 1);
    const below = Math.floor(position);
    const above = Math.min(below + 1, sorted.length - 1);
    return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}

/** One team's scored assessment, as the dashboard sees it. */
export type TeamResult = { teamId: string; submittedAt: Date; waterLevel: number | null; weakest: readonly string[] };

/**
 * The quarter rule applied to a set of results: for every quarter in `quarters`, the result each
 * team counts with there (its latest assessment submitted in or before it, at most two quarters old).
 */
export function countedByQuarter(results: readonly TeamResult[], quarters: readonly Quarter[]): Map<Quarter, TeamResult[]> {
  const wanted = new Set(quarters);
  const out = new Map<Quarter, TeamResult[]>(quarters.map((q) => [q, []]));
  // The last assessment of each quarter stands for the team in that quarter.
  const byTeam = new Map<string, Map<Quarter, TeamResult>>();
  for (const r of [...results].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())) {
    const team = byTeam.get(r.teamId) ?? new Map<Quarter, TeamResult>();
    team.set(quarterOf(r.submittedAt), r);
    byTeam.set(r.teamId, team);
  }
  for (const lastInQuarter of byTeam.values()) {
    const submittedQuarters = [...lastInQuarter.keys()].sort((a, b) => a - b);
    submittedQuarters.forEach((q, i) => {
      for (const counted of quartersCounted(q, submittedQuarters[i + 1])) {
        if (wanted.has(counted)) out.get(counted)!.push(lastInQuarter.get(q)!);
      }
    });
  }
  return out;
}

/**
 * How many teams have each area as their weakest stave. A team whose weakest staves tie counts for
 * every tied area, so the counts can add up to more than the number of teams.
 */
export function weakestCounts(results: readonly Pick<TeamResult, "weakest">[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of results) for (const area of r.weakest) counts.set(area, (counts.get(area) ?? 0) + 1);
  return counts;
}

/** The area(s) most often the weakest stave: every area sharing the highest count. */
export function mostCommonWeakest(counts: ReadonlyMap<string, number>): string[] {
  const top = Math.max(0, ...counts.values());
  return top === 0 ? [] : [...counts].filter(([, n]) => n === top).map(([area]) => area);
}

/**
 * Each area's share of the weakest staves, in percent of all weakest-stave counts (ties included),
 * so a quarter's shares add up to 100.
 */
export function weakestShares(counts: ReadonlyMap<string, number>, areaIds: readonly string[]): Record<string, number> {
  const total = areaIds.reduce((sum, id) => sum + (counts.get(id) ?? 0), 0);
  return Object.fromEntries(areaIds.map((id) => [id, total === 0 ? 0 : ((counts.get(id) ?? 0) / total) * 100]));
}
