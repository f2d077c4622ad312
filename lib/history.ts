import { groupAndDescendants, groupPath, type GroupNode } from "./groups";

// Pure rules of a history export: which groups and teams a scope takes, in an order an import
// can create them in.

export type HistoryScope = { kind: "organisation" } | { kind: "group"; id: string } | { kind: "team"; id: string };

/**
 * The groups and teams a scope takes. A team's or a group's history carries the groups above it
 * (so it lands in the same place), a group's every group and team inside it. Groups come parents
 * first; teams by name.
 */
export function historyPart<G extends GroupNode, T extends { id: string; name: string; groupId: string | null }>(
  groups: readonly G[],
  teams: readonly T[],
  scope: HistoryScope,
): { groups: G[]; teams: T[] } {
  let teamsTaken: T[];
  let groupIds: Set<string>;
  if (scope.kind === "organisation") {
    teamsTaken = [...teams];
    groupIds = new Set(groups.map((g) => g.id));
  } else if (scope.kind === "group") {
    const inside = groupAndDescendants(groups, scope.id);
    teamsTaken = teams.filter((t) => t.groupId !== null && inside.has(t.groupId));
    groupIds = new Set([...inside, ...groupPath(groups, scope.id).map((g) => g.id)]);
  } else {
    teamsTaken = teams.filter((t) => t.id === scope.id);
    const groupId = teamsTaken[0]?.groupId;
    groupIds = new Set(groupId ? groupPath(groups, groupId).map((g) => g.id) : []);
  }
  return {
    groups: parentsFirst(groups.filter((g) => groupIds.has(g.id))),
    teams: teamsTaken.sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.id, b.id)),
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Groups ordered so every group follows its parent, siblings by name. */
export function parentsFirst<G extends GroupNode>(groups: readonly G[]): G[] {
  const ids = new Set(groups.map((g) => g.id));
  const out: G[] = [];
  const place = (parentId: string | null) => {
    const children = groups
      .filter((g) => (parentId === null ? g.parentId === null || !ids.has(g.parentId) : g.parentId === parentId))
      .sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.id, b.id));
    for (const child of children) {
      out.push(child);
      place(child.id);
    }
  };
  place(null);
  return out;
}
