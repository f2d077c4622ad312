import { isInside, ORGANISATION, type Asker, type CountedTeam, type PrivacyGroup, type WithheldReason } from "@/lib/dashboard/privacy";

// The subtraction attack, done the thorough way: everything a reader can combine linearly from the
// figures shown to them (each group's, the organisation's, and their own teams' results), checked
// against everything that must stay hidden from them. Counts and sums add up, so a hidden figure
// is revealed exactly when its team set lies in the span of the shown ones.

/** Whether the indicator of `target` is a linear combination of the indicators of `shown`, over `universe`. */
export function derivable(universe: readonly string[], shown: readonly (readonly string[])[], target: readonly string[]): boolean {
  const index = new Map(universe.map((t, i) => [t, i]));
  const vector = (set: readonly string[]) => {
    const v = new Array<number>(universe.length).fill(0);
    for (const t of set) v[index.get(t)!] = 1;
    return v;
  };
  const rank = (rows: number[][]) => {
    const m = rows.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < universe.length && r < m.length; c++) {
      const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
      if (pivot < 0) continue;
      [m[r], m[pivot]] = [m[pivot]!, m[r]!];
      for (let i = 0; i < m.length; i++) {
        if (i === r) continue;
        const f = m[i]![c]! / m[r]![c]!;
        if (f !== 0) m[i] = m[i]!.map((x, j) => x - f * m[r]![j]!);
      }
      r++;
    }
    return r;
  };
  const rows = shown.map(vector);
  return rank([...rows, vector(target)]) === rank(rows);
}

/**
 * What a reader can derive of what must stay hidden from them: withheld cells, the teams directly in
 * a group they are outside when fewer than k, and single teams of groups they are outside. Empty
 * when the rules hold.
 */
export function subtractionAttack(
  groups: readonly PrivacyGroup[],
  counted: readonly CountedTeam[],
  asker: Asker,
  withheld: ReadonlyMap<string, WithheldReason>,
  minTeams: number,
): string[] {
  const known = new Set(groups.map((g) => g.id));
  const parentOf = new Map(groups.map((g) => [g.id, g.parentId !== null && known.has(g.parentId) ? g.parentId : ORGANISATION]));
  const cellOf = (g: string | null) => (g !== null && known.has(g) ? g : ORGANISATION);
  const subtree = (cell: string) =>
    counted
      .filter(({ groupId }) => {
        for (let c: string | undefined = cellOf(groupId); c !== undefined; c = c === ORGANISATION ? undefined : parentOf.get(c)) if (c === cell) return true;
        return false;
      })
      .map((t) => t.teamId);
  const cells = [ORGANISATION, ...known];
  const universe = counted.map((t) => t.teamId);
  const shown = [...cells.filter((c) => !withheld.has(c)).map(subtree), ...universe.filter((t) => asker.knownTeams.has(t)).map((t) => [t])].filter(
    (s) => s.length > 0,
  );
  const targets: [string, string[]][] = [];
  const unknown = (set: string[]) => set.filter((t) => !asker.knownTeams.has(t));
  for (const c of cells) {
    if (withheld.has(c) && unknown(subtree(c)).length > 0) targets.push([c, unknown(subtree(c))]);
    // Teams outside any group are inside no group but the organisation's whole.
    if (asker.everywhere || (c !== ORGANISATION && isInside(asker, c))) continue;
    const direct = unknown(counted.filter((t) => cellOf(t.groupId) === c).map((t) => t.teamId));
    if (direct.length > 0 && direct.length < minTeams) targets.push([`direct:${c}`, direct]);
    for (const t of direct) if (!asker.knownTeams.has(t)) targets.push([`team:${t}`, [t]]);
  }
  return targets.filter(([, set]) => derivable(universe, shown, set)).map(([name]) => name);
}

/** A small random organisation (seeded): nested groups, loose teams, four quarters, several readers. */
export function generatedOrganisation(seed: number) {
  let state = seed * 2654435761;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const groups: PrivacyGroup[] = [];
  for (let i = 0; i < 2 + Math.floor(random() * 7); i++) groups.push({ id: `g${i}`, parentId: i > 0 && random() < 0.5 ? pick(groups).id : null });
  const teams = Array.from({ length: 3 + Math.floor(random() * 18) }, (_, i) => ({ teamId: `t${i}`, groupId: random() < 0.15 ? null : pick(groups).id }));
  const quarters = Array.from({ length: 4 }, () => ({ counted: teams.filter(() => random() < 0.8) }));
  const ancestors = (g: string | null) => {
    const out = new Set([ORGANISATION]);
    for (let c = g; c !== null; c = groups.find((x) => x.id === c)!.parentId) out.add(c);
    return out;
  };
  const memberOf = (...ts: typeof teams): Asker => ({
    everywhere: false,
    inside: new Set(ts.flatMap((t) => [...ancestors(t.groupId)])),
    knownTeams: new Set(ts.map((t) => t.teamId)),
  });
  const askers: Asker[] = [
    { everywhere: false, inside: new Set([ORGANISATION]), knownTeams: new Set() },
    { everywhere: false, inside: new Set(), knownTeams: new Set() },
    memberOf(pick(teams)),
    memberOf(pick(teams)),
    memberOf(pick(teams), pick(teams)),
  ];
  return { groups, teams, quarters, askers };
}
