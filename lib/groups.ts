// Groups of teams nest: organisation → department → tribe → … → team. Pure helpers over the
// flat list of an organisation's groups (a few dozen rows), used by data functions and pages.

/** How many levels of groups may sit between the organisation and a team. */
export const MAX_GROUP_DEPTH = 4;

export type GroupNode = { id: string; name: string; parentId: string | null };

/** The group and its ancestors, outermost first (for breadcrumbs). Empty for an unknown id. */
export function groupPath<G extends GroupNode>(groups: readonly G[], groupId: string): G[] {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const path: G[] = [];
  for (let g = byId.get(groupId); g && path.length <= groups.length; g = g.parentId ? byId.get(g.parentId) : undefined) {
    path.unshift(g);
  }
  return path;
}

/** The ids of the group and of every group nested inside it. */
export function groupAndDescendants(groups: readonly GroupNode[], groupId: string): Set<string> {
  const out = new Set([groupId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of groups) {
      if (g.parentId && out.has(g.parentId) && !out.has(g.id)) {
        out.add(g.id);
        grew = true;
      }
    }
  }
  return out;
}

/** How many levels the group's subtree has, itself included (1 for a group with no groups inside). */
function height(groups: readonly GroupNode[], groupId: string): number {
  const children = groups.filter((g) => g.parentId === groupId);
  return 1 + Math.max(0, ...children.map((c) => height(groups, c.id)));
}

/**
 * Why a group cannot go under `parentId` (null: directly under the organisation), or undefined if
 * it can. `groupId` undefined checks a new group.
 */
export function placementProblem(groups: readonly GroupNode[], groupId: string | undefined, parentId: string | null): string | undefined {
  if (parentId !== null && !groups.some((g) => g.id === parentId)) return "That parent group was not found.";
  if (groupId !== undefined && parentId !== null && groupAndDescendants(groups, groupId).has(parentId)) {
    return "A group cannot be placed inside itself or inside one of its own groups.";
  }
  const parentDepth = parentId === null ? 0 : groupPath(groups, parentId).length;
  const levels = groupId === undefined ? 1 : height(groups, groupId);
  if (parentDepth + levels > MAX_GROUP_DEPTH) {
    return `Groups nest at most ${MAX_GROUP_DEPTH} levels deep; this would make ${parentDepth + levels}.`;
  }
  return undefined;
}

/** Groups in tree order (each followed by the groups inside it), each with its depth from 0, siblings by name. */
export function flattenGroups<G extends GroupNode>(groups: readonly G[]): { group: G; depth: number }[] {
  const out: { group: G; depth: number }[] = [];
  const byName = (a: G, b: G) => a.name.localeCompare(b.name, "en", { sensitivity: "base" });
  const visit = (parentId: string | null, depth: number) => {
    for (const g of groups.filter((x) => x.parentId === parentId).sort(byName)) {
      out.push({ group: g, depth });
      visit(g.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** "Engineering › Platform": a group's full name. */
export const groupPathName = (groups: readonly GroupNode[], groupId: string) =>
  groupPath(groups, groupId)
    .map((g) => g.name)
    .join(" › ");

/**
 * The teams a team list shows for a filter: every team ("all"), those in no group ("none"), or
 * those in one group and the groups inside it. An unknown group shows none.
 */
export function teamsInFilter<T extends { groupId: string | null }>(teams: readonly T[], groups: readonly GroupNode[], filter: "all" | "none" | string): T[] {
  if (filter === "all") return [...teams];
  if (filter === "none") return teams.filter((t) => t.groupId === null);
  const inside = groups.some((g) => g.id === filter) ? groupAndDescendants(groups, filter) : new Set<string>();
  return teams.filter((t) => t.groupId !== null && inside.has(t.groupId));
}

/** Why a group cannot take a name: a sibling has it already (names are unique among siblings, whatever their case). */
export const groupNameTaken = (name: string) => `A group called “${name}” already exists in the same place.`;
