// Dashboards count teams per calendar quarter (UTC). A quarter is a whole number: year × 4 + the
// quarter's index in its year (0–3), so consecutive quarters are consecutive numbers.

export type Quarter = number;

export const quarterOf = (date: Date): Quarter => date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3);

/** "2026 Q3". */
export const quarterLabel = (quarter: Quarter) => `${Math.floor(quarter / 4)} Q${(quarter % 4) + 1}`;

/** The first moment of the quarter. */
export const quarterStart = (quarter: Quarter) => new Date(Date.UTC(Math.floor(quarter / 4), (quarter % 4) * 3, 1));

/** "2026-Q3": how a quarter is written in links and exports. */
export const quarterKey = (quarter: Quarter) => `${Math.floor(quarter / 4)}-Q${(quarter % 4) + 1}`;

/**
 * The quarter rule. A team counts in a quarter with its latest assessment submitted in or before
 * that quarter, if that assessment is at most this many quarters old; older, the team is left out.
 */
export const QUARTERS_AN_ASSESSMENT_COUNTS = 2;

export const QUARTER_RULE =
  "A team counts in a quarter with its latest assessment submitted in or before that quarter, if that assessment is at most two quarters old.";

/**
 * The quarters an assessment counts in: from the quarter it was submitted in until it is two
 * quarters old, or until the quarter before the team's next assessment (which takes over), if sooner.
 * `submitted` is the quarter of the team's last assessment in its quarter; `next`, of the team's next one.
 */
export function quartersCounted(submitted: Quarter, next: Quarter | undefined): Quarter[] {
  const last = Math.min(submitted + QUARTERS_AN_ASSESSMENT_COUNTS, next === undefined ? Infinity : next - 1);
  const out: Quarter[] = [];
  for (let q = submitted; q <= last; q++) out.push(q);
  return out;
}

/** The `count` quarters up to and including `last`, oldest first. */
export function quarterRange(last: Quarter, count: number): Quarter[] {
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}
