import { findByName } from "./find-by-name";
import { orList } from "./words";

// Where a person lands (/teams): their own teams first, marked as theirs, then every other team by
// name, a page at a time. Pure, so the order and the paging are tested without a database.

export type LandingTeam = { id: string; name: string; mine: boolean };

// "Team 2" before "Team 10", and case and accents do not split names apart.
const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** The person's own teams first, then the rest; each part by name. */
export function landingOrder<T extends LandingTeam>(teams: readonly T[]): T[] {
  return [...teams].sort((a, b) => Number(b.mine) - Number(a.mine) || byName.compare(a.name, b.name));
}

export type LandingPage<T> = {
  /** The teams of this page, in landing order. */
  rows: T[];
  /** Teams the search finds (every active team without one). */
  found: number;
  /** Whether the list needs a search and pages: more teams than a page holds, or a search or later page asked for. */
  paged: boolean;
};

/** The page of teams a link asks for: found by name, in landing order, `pageSize` at a time. */
export function landingPage<T extends LandingTeam>(teams: readonly T[], query: { find?: string; page: number }, pageSize: number): LandingPage<T> {
  const found = landingOrder(findByName(teams, query.find));
  const first = (query.page - 1) * pageSize;
  return {
    rows: found.slice(first, first + pageSize),
    found: found.length,
    paged: teams.length > pageSize || query.find !== undefined || query.page > 1,
  };
}

/** How many of the organisation's owners and admins a person in no team is told to ask, by name. */
const MANAGERS_NAMED = 3;

/**
 * Who can add a person in no team to their team: "Ask Ana Owner or Bo Admin to add you to your
 * team." Up to three names, then the rest counted; undefined when there is nobody to name.
 */
export function whoCanAddYou(managers: readonly string[]): string | undefined {
  if (managers.length === 0) return undefined;
  if (managers.length <= MANAGERS_NAMED) return `Ask ${orList(managers)} to add you to your team.`;
  const others = managers.length - MANAGERS_NAMED;
  const rest = others === 1 ? "another owner or admin" : `one of the ${others} other owners and admins`;
  return `Ask ${managers.slice(0, MANAGERS_NAMED).join(", ")} or ${rest} to add you to your team.`;
}
