import type { WorkshopView } from "@/lib/workshop/view";

type Revealed = NonNullable<WorkshopView["revealed"]>;

const voteText = (v: { kind: string; level?: number }, levels: WorkshopView["question"]["levels"]) =>
  v.kind === "level" ? `${v.level} ${levels.find((l) => l.value === v.level)?.label ?? ""}` : v.kind === "unsure" ? "Unsure" : "Not applicable";

/**
 * How the room voted, as bars with their counts (the numbers are the text alternative), the
 * median and spread, and names where the workshop shows them.
 */
export function VoteDistribution({ revealed, levels, large = false }: { revealed: Revealed; levels: WorkshopView["question"]["levels"]; large?: boolean }) {
  const { tally } = revealed;
  const rows = [
    ...tally.levels.map((l) => ({ name: `${l.level} ${levels.find((x) => x.value === l.level)?.label ?? ""}`, n: l.count })),
    { name: "Unsure", n: tally.unsure },
    { name: "Not applicable", n: tally.notApplicable },
  ];
  const most = Math.max(1, ...rows.map((r) => r.n));
  return (
    <div className="space-y-3" data-testid="distribution">
      <ul className={`space-y-1.5 ${large ? "text-2xl" : "text-sm"}`} aria-label="Votes per level">
        {rows.map((r) => (
          <li key={r.name} className="grid grid-cols-[minmax(7rem,auto)_1fr_2.5rem] items-center gap-3">
            <span>{r.name}</span>
            <span className="h-4 overflow-hidden rounded bg-stone-200" aria-hidden="true">
              <span className="block h-full bg-water-700" style={{ width: `${Math.round((r.n / most) * 100)}%` }} />
            </span>
            <span className="text-right font-semibold tabular-nums">{r.n}</span>
          </li>
        ))}
      </ul>
      <p className={large ? "text-2xl" : "text-sm"} data-testid="tally-summary">
        {tally.total} vote{tally.total === 1 ? "" : "s"}
        {tally.median !== null && <> · median {tally.median} · spread {tally.spread}</>}
        {tally.disagrees && <strong className="ml-2 text-weak-700">The room disagrees: worth talking about.</strong>}
      </p>
      {revealed.byName && revealed.byName.length > 0 && (
        <ul className="flex flex-wrap gap-2 text-sm" aria-label="Who voted what">
          {revealed.byName.map((v, i) => (
            <li key={i} className="rounded bg-stone-100 px-2 py-0.5">
              {v.name}: {voteText(v.vote, levels)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
