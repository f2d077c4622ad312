import type { Tally, Vote } from "@/lib/workshop/tally";

type Levels = readonly { value: number; label: string }[];

/** A vote (or an agreed answer) as the room reads it: "3 Defined", "Unsure", "Not applicable". */
export const voteText = (v: { kind: string; level?: number | null }, levels: Levels) =>
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
    <div className={large ? "space-y-4" : "space-y-3"} data-testid="distribution">
      {noun === "answer" ? (
        // Many questions on one page: a small column chart per question, level by level. One grid
        // holds every column, so every bar stands on the same baseline however its labels wrap.
        <ul className="grid grid-flow-col auto-cols-[2.25rem] grid-rows-[auto_2rem_auto] gap-x-1.5 gap-y-0.5 text-xs" aria-label={perLevel}>
          {rows.map((r, i) => (
            <li key={r.name} className="row-span-3 grid grid-rows-subgrid justify-items-center">
              <span className="sr-only">
                {r.name}: {r.n}
              </span>
              <span className="self-end font-semibold tabular-nums" aria-hidden="true">
                {r.n}
              </span>
              <span className="flex h-full w-full items-end rounded-sm bg-stone-100" aria-hidden="true" data-testid="bar-track">
                <span className="block w-full rounded-sm bg-water-700" style={{ height: `${Math.round((r.n / most) * 100)}%` }} data-testid="bar" />
              </span>
              <span className="text-stone-600" aria-hidden="true" title={r.name}>
                {i < tally.levels.length ? tally.levels[i]!.level : i === tally.levels.length ? "?" : "n/a"}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        // One grid over all the rows: the longest label sets where every bar starts, so equal
        // counts draw equal bars.
        <ul
          className={`grid grid-cols-[minmax(7rem,max-content)_1fr_minmax(2.5rem,max-content)] items-center gap-x-4 ${large ? "gap-y-2 text-3xl 2xl:gap-y-4 2xl:text-5xl" : "gap-y-1.5 text-sm"}`}
          aria-label={perLevel}
        >
          {rows.map((r) => (
            <li key={r.name} className="col-span-3 grid grid-cols-subgrid items-center">
              <span>{r.name}</span>
              <span className={`${large ? "h-8 2xl:h-14" : "h-4"} overflow-hidden rounded bg-stone-200`} aria-hidden="true" data-testid="bar-track">
                <span className="block h-full bg-water-700" style={{ width: `${Math.round((r.n / most) * 100)}%` }} data-testid="bar" />
              </span>
              <span className="text-right font-semibold tabular-nums">{r.n}</span>
            </li>
          ))}
        </ul>
      )}
      <p className={large ? "text-3xl 2xl:text-5xl" : "text-sm"} data-testid="tally-summary">
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
        <ul
          className={`flex flex-wrap gap-2 ${large ? "text-2xl 2xl:text-4xl" : "text-sm"}`}
          aria-label={noun === "vote" ? "Who voted what" : "Who answered what"}
        >
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
