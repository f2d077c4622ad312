// Leadership must never de-anonymise a small group: an aggregate over one or two teams is those
// teams' own numbers. Data functions apply this; pages only say why something is missing.

/** A group needs at least this many assessed teams before its aggregates are shown outside it. */
export const MIN_TEAMS_FOR_AGGREGATES = 3;

export const TOO_FEW_TEAMS = "Too few teams to show without identifying them.";

/**
 * Whether aggregates (weakest-stave distribution, median, spread) over `teamsCounted` teams may be
 * shown to this viewer: always to someone inside the group (they belong to one of its teams),
 * otherwise only from three teams up.
 */
export function mayShowAggregate(teamsCounted: number, viewerInGroup: boolean): boolean {
  return viewerInGroup || teamsCounted >= MIN_TEAMS_FOR_AGGREGATES;
}
