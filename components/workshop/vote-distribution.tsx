import type { Tally, Vote } from "@/lib/workshop/tally";

type Levels = readonly { value: number; label: string }[];

const voteText = (v: { kind: string; level?: number }, levels: Levels) =>
  v.kind === "level" ? `${v.level} ${levels.find((l) => l.value === v.level)?.label ?? ""}` : v.kind === "unsure" ? "Unsure" : "Not applicable";

type Props = {
  tally: Tally;
  /** Who chose what, where names are shown. */
  byName?: { name: string; vote: Vote }[];
  levels: Levels;
  large?: boolean;
  /** What a room gives (votes) or respondents give (answers). */
  noun?: "vote" | "answer";
};

/**
 * How a room voted, or a team's respondents answered: bars with their counts (the numbers are the
 * text alternative), the median and spread, and names where they are shown.
 */
export function VoteDistribution({ tally, byName, levels, large = false, noun = "vote" }: Props) {
  const rows = [
    ...tally.levels.map((l) => ({ name: `${l.level} ${levels.find((x) => x.value === l.level)?.label ?? ""}`, n: l.count })),
    { name: "Unsure", n: tally.unsure },
    { name: "Not applicable", n: tally.notApplicable },
  ];
  const most = Math.max(1, ...rows.map((r) => r.n));
  const perLevel = noun === "vote" ? "Votes per level" : "Answers per level";
  return (
    <div className="space-y-3" data-testid="distribution">
      {noun === "answer" ? (
        // Many questions on one page: a small column chart per question, level by level.
        <ul className="flex items-end gap-1.5 text-xs" aria-label={perLevel}>
          {rows.map((r, i) => (
            <li key={r.name} className="flex w-9 flex-col items-center gap-0.5">
              <span className="sr-only">
                {r.name}: {r.n}
              </span>
              <span className="font-semibold tabular-nums" aria-hidden="true">
                {r.n}
              </span>
              <span className="flex h-8 w-full items-end rounded-sm bg-stone-100" aria-hidden="true">
                <span className="block w-full rounded-sm bg-water-700" style={{ height: `${Math.round((r.n / most) * 100)}%` }} />
              </span>
              <span className="text-stone-600" aria-hidden="true" title={r.name}>
                {i < tally.levels.length ? tally.levels[i]!.level : i === tally.levels.length ? "?" : "n/a"}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <ul className={`space-y-1.5 ${large ? "text-2xl" : "text-sm"}`} aria-label={perLevel}>
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
      )}
      <p className={large ? "text-2xl" : "text-sm"} data-testid="tally-summary">
        {tally.total} {noun}
        {tally.total === 1 ? "" : "s"}
        {tally.median !== null && (
          <>
            {" "}
            · median {tally.median} · spread {tally.spread}
          </>
        )}
        {tally.disagrees && (
          <strong className="ml-2 text-weak-700">
            {noun === "vote" ? "The room disagrees: worth talking about." : "⚑ The team disagrees: worth talking about."}
          </strong>
        )}
      </p>
      {byName && byName.length > 0 && (
        <ul className="flex flex-wrap gap-2 text-sm" aria-label={noun === "vote" ? "Who voted what" : "Who answered what"}>
          {byName.map((v, i) => (
            <li key={i} className="rounded bg-stone-100 px-2 py-0.5">
              {v.name}: {voteText(v.vote, levels)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
