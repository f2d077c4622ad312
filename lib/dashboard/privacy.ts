// Leadership must never de-anonymise a small group: an aggregate over one or two teams is those
// teams' own numbers, and so is what is left of a parent's figure once its shown parts are taken
// away. The data functions apply these rules for whoever asks; pages only say why something is
// missing.

/** Who sees each team's own results: everyone in the organisation, or only the team and its leads. */
export const TEAM_RESULTS_VISIBILITIES = ["organisation", "team"] as const;
export type TeamResultsVisibility = (typeof TEAM_RESULTS_VISIBILITIES)[number];

/** The fewest assessed teams a group's aggregates may be shown outside it with (k), and its default. */
export const MIN_TEAMS_LOWEST = 3;
export const MIN_TEAMS_HIGHEST = 50;
export const DEFAULT_MIN_TEAMS = 3;

/** An organisation's privacy settings (owners set them). */
export type PrivacyPolicy = { teamResults: TeamResultsVisibility; minTeams: number };
export const DEFAULT_PRIVACY: PrivacyPolicy = { teamResults: "organisation", minTeams: DEFAULT_MIN_TEAMS };

/** The key of the organisation's own cell in a tree of groups (groups are keyed by their ids). */
export const ORGANISATION = "";

/** Why a figure is withheld. */
export type WithheldReason = "too-few-teams" | "complementary";

/** What a reader is told where a team's own results are kept from them by the organisation's setting. */
export const TEAM_ONLY_RESULTS = "Only the team and its leads see this team's results (organisation setting).";

export const TOO_FEW_TEAMS = "Too few teams to show without identifying them.";

/** A withheld figure's reason in a few words (tables and CSV). */
export function withheldShort(reason: WithheldReason | undefined): string {
  return reason === "complementary" ? "would reveal a smaller group by subtraction" : "too few teams";
}

/** What the page says about a withheld figure, precisely. */
export function withheldExplanation(reason: WithheldReason, minTeams: number): string {
  return reason === "too-few-teams"
    ? `Withheld: fewer than ${minTeams} teams counted, and you are not in this group, so these figures would identify its teams.`
    : `Withheld: taken together with figures you can see (other groups', or your own team's), these would give away those of fewer than ${minTeams} teams by subtraction.`;
}

/**
 * Who asks, as the privacy rules see them. `everywhere`: inside every group (owners, admins, Stave
 * itself). `inside`: the groups they are inside (those of their teams and every ancestor), with
 * ORGANISATION when they belong to the organisation. `knownTeams`: teams whose own results they can
 * read on their own (counted as known when deciding what a subtraction reveals).
 */
export type Asker = { everywhere: boolean; inside: ReadonlySet<string>; knownTeams: ReadonlySet<string> };

/** A group of the tree: ORGANISATION is its root, and a group without a parent sits under it. */
export type PrivacyGroup = { id: string; parentId: string | null };

/** A team counted in a quarter, and the group it sits in directly (null: no group). */
export type CountedTeam = { teamId: string; groupId: string | null };

export function isInside(asker: Asker, cell: string): boolean {
  return asker.everywhere || asker.inside.has(cell);
}

/** The groups an asker is inside: the groups of their teams and every ancestor, and the organisation. */
export function groupsInside(groups: readonly PrivacyGroup[], teamGroups: readonly (string | null)[]): Set<string> {
  const parentOf = new Map(groups.map((g) => [g.id, g.parentId]));
  const inside = new Set<string>([ORGANISATION]);
  for (let id of teamGroups) {
    while (id !== null && id !== undefined && !inside.has(id)) {
      inside.add(id);
      id = parentOf.get(id) ?? null;
    }
  }
  return inside;
}

type Tree = { children: Map<string, string[]>; teams: Map<string, Set<string>>; groupOf: Map<string, string> };

/** Each cell's children and the counted teams of its whole subtree. */
function buildTree(groups: readonly PrivacyGroup[], counted: readonly CountedTeam[]): Tree {
  const known = new Set(groups.map((g) => g.id));
  const children = new Map<string, string[]>([[ORGANISATION, []], ...groups.map((g) => [g.id, []] as [string, string[]])]);
  for (const g of groups) children.get(g.parentId !== null && known.has(g.parentId) ? g.parentId : ORGANISATION)!.push(g.id);
  for (const list of children.values()) list.sort();
  const parentOf = new Map(groups.map((g) => [g.id, g.parentId !== null && known.has(g.parentId) ? g.parentId : ORGANISATION]));
  const teams = new Map<string, Set<string>>([...children.keys()].map((id) => [id, new Set<string>()]));
  const groupOf = new Map<string, string>();
  for (const { teamId, groupId } of counted) {
    let cell: string | undefined = groupId !== null && known.has(groupId) ? groupId : ORGANISATION;
    groupOf.set(teamId, cell);
    while (cell !== undefined) {
      teams.get(cell)!.add(teamId);
      cell = cell === ORGANISATION ? undefined : parentOf.get(cell);
    }
  }
  return { children, teams, groupOf };
}

/** The shown cells just below `cell`: its shown descendants with no shown cell in between (empty cells skipped). */
function shownBelow(tree: Tree, cell: string, withheld: ReadonlyMap<string, WithheldReason>): string[] {
  const out: string[] = [];
  for (const child of tree.children.get(cell) ?? []) {
    if (tree.teams.get(child)!.size === 0) continue;
    if (withheld.has(child)) out.push(...shownBelow(tree, child, withheld));
    else out.push(child);
  }
  return out;
}

/** What a shown cell gives away: its teams less those of the shown cells below it and the teams the asker knows anyway. */
function residual(tree: Tree, cell: string, withheld: ReadonlyMap<string, WithheldReason>, knownTeams: ReadonlySet<string>): Set<string> {
  const rest = new Set(tree.teams.get(cell)!);
  for (const below of shownBelow(tree, cell, withheld)) for (const t of tree.teams.get(below)!) rest.delete(t);
  for (const t of knownTeams) rest.delete(t);
  return rest;
}

/**
 * Which cells (groups, and the organisation as ORGANISATION) of one quarter are withheld from this
 * asker, and why. A cell with counted teams but fewer than `minTeams`, that the asker is outside,
 * is withheld (too few teams). Then, while a shown cell minus the shown cells below it (and the
 * teams the asker knows) leaves fewer than `minTeams` teams, some of them in a group the asker is
 * outside, a complementary figure is withheld too: the smallest shown cell below it the asker is
 * outside, else the cell itself. What is left is what can be derived, and every piece of it is a
 * whole shown cell, `minTeams` teams or more, or the asker's own groups' teams.
 */
export function withheldCells(groups: readonly PrivacyGroup[], counted: readonly CountedTeam[], asker: Asker, minTeams: number): Map<string, WithheldReason> {
  const tree = buildTree(groups, counted);
  const withheld = new Map<string, WithheldReason>();
  for (const [cell, teams] of tree.teams) if (teams.size > 0 && teams.size < minTeams && !isInside(asker, cell)) withheld.set(cell, "too-few-teams");
  const cells = [...tree.teams.keys()].sort();
  for (let changed = true; changed;) {
    changed = false;
    for (const cell of cells) {
      if (withheld.has(cell) || tree.teams.get(cell)!.size === 0) continue;
      const rest = residual(tree, cell, withheld, asker.knownTeams);
      if (rest.size === 0 || rest.size >= minTeams) continue;
      if (asker.everywhere || [...rest].every((t) => tree.groupOf.get(t) !== ORGANISATION && isInside(asker, tree.groupOf.get(t)!))) continue;
      withheld.set(complement(tree, cell, withheld, asker) ?? cell, "complementary");
      changed = true;
      break;
    }
  }
  return withheld;
}

/** The smallest shown cell below `cell` that the asker is outside, if any (ties by id). */
function complement(tree: Tree, cell: string, withheld: ReadonlyMap<string, WithheldReason>, asker: Asker): string | undefined {
  const size = (c: string) => tree.teams.get(c)!.size;
  const candidates = shownBelow(tree, cell, withheld).filter((c) => !isInside(asker, c));
  return candidates.sort((a, b) => size(a) - size(b) || a.localeCompare(b))[0];
}

/** Whether this asker may read the own results of a team (its rows, results and trend). */
export function mayReadTeamResults(policy: Pick<PrivacyPolicy, "teamResults">, asker: { leads: boolean; inTeam: boolean }): boolean {
  return policy.teamResults === "organisation" || asker.leads || asker.inTeam;
}
