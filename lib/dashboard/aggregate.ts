import type { ScoreDigits } from "../model/scoring-rules";
import { roundHalfUp } from "../scoring";
import type { TeamResultsVisibility, WithheldReason } from "./privacy";
import { quarterOf, quartersCounted, type Quarter } from "./quarter";

// The aggregations of the leadership dashboard, as pure functions. The database computes the same
// from stored scores (db/queries/dashboard.ts); tests hold the two to each other.

export type Quartiles = { q1: number; median: number; q3: number };

export type QuarterFigures = {
  quarter: Quarter;
  /** Teams counted in the quarter (the quarter rule). */
  teams: number;
  /** Withheld from the asker (lib/dashboard/privacy.ts), and why. */
  withheld: boolean;
  withheldReason?: WithheldReason;
  /** Median and interquartile range of the counted teams' water levels. */
  waterLevel?: Quartiles;
  /** Area id → how many counted teams have it as a weakest stave (ties count for every tied area). */
  weakest: Record<string, number>;
};

export type DashboardSeries = {
  /** Teams in scope (active ones). */
  teams: number;
  /** Teams with at least one submitted assessment of the model. */
  assessedTeams: number;
  /** Teams whose latest assessment was submitted in the last two quarters (this one and the one before). */
  assessedRecently: number;
  /** Nothing aggregated is shown: too few assessed teams, and the viewer is outside the group. */
  withheld: boolean;
  /** The organisation's privacy settings, and whether the asker is inside the group (for the page to say why). */
  privacy: { minTeams: number; teamResults: TeamResultsVisibility; inside: boolean };
  quarters: QuarterFigures[];
};

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
export function tiedWeakestCounts(results: readonly Pick<TeamResult, "weakest">[]): Map<string, number> {
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

export type DashboardHeadline = {
  teams: number;
  assessedRecently: number;
  /** The most common weakest stave(s) this quarter and how many teams have it; undefined when withheld or none. */
  mostCommon?: { areaIds: string[]; teams: number };
  /** The median water level this quarter, last quarter, and the change; undefined when withheld or no teams. */
  median?: number;
  previousMedian?: number;
  change?: number;
};

/** The headline numbers of a dashboard, from its series (the last quarter is the current one); the change rounded as the model's scores are shown. */
export function dashboardHeadline(series: Pick<DashboardSeries, "teams" | "assessedRecently" | "quarters">, digits: ScoreDigits = 1): DashboardHeadline {
  const now = series.quarters.at(-1);
  const before = series.quarters.at(-2);
  const counts = new Map(Object.entries(now?.weakest ?? {}));
  const top = mostCommonWeakest(counts);
  const median = now?.waterLevel?.median;
  const previousMedian = before?.waterLevel?.median;
  return {
    teams: series.teams,
    assessedRecently: series.assessedRecently,
    mostCommon: top.length > 0 ? { areaIds: top, teams: counts.get(top[0]!)! } : undefined,
    median,
    previousMedian,
    change: median !== undefined && previousMedian !== undefined ? roundHalfUp(median - previousMedian, digits) : undefined,
  };
}
