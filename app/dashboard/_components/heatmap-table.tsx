import { IntentLink } from "@/components/ui/intent-link";
import type { HeatmapRow } from "@/db/queries/dashboard";
import { HEAT_STEPS, heatCells, heatStepRanges } from "@/lib/dashboard/heatmap";
import { quarterOf } from "@/lib/dashboard/quarter";
import { formatDate, formatScore } from "@/lib/format";
import { groupPathName, type GroupNode } from "@/lib/groups";

type Area = { areaId: string; name: string };

/**
 * Teams × areas from each team's latest submitted assessment: the score in every cell on a
 * colour-blind-safe scale, each team's weakest stave marked. Sorted by name or group, never by score.
 */
export function HeatmapTable({
  rows,
  areas,
  groups,
  scale,
  currentQuarter,
  caption,
}: {
  rows: readonly HeatmapRow[];
  areas: readonly Area[];
  groups: readonly GroupNode[];
  scale: { min: number; max: number };
  currentQuarter: number;
  caption: string;
}) {
  const areaIds = areas.map((a) => a.areaId);
  return (
    <div className="heatmap relative max-h-[75vh] overflow-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full border-separate border-spacing-0 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 top-0 z-20 border-b border-stone-300 bg-stone-100 px-3 py-2 text-left font-semibold">
              Team
            </th>
            {areas.map((a) => (
              <th key={a.areaId} scope="col" className="sticky top-0 z-10 border-b border-stone-300 bg-stone-100 px-2 py-2 text-center font-semibold">
                {a.name}
              </th>
            ))}
            <th scope="col" className="sticky top-0 z-10 border-b border-stone-300 bg-stone-100 px-2 py-2 text-center font-semibold">
              Water level
            </th>
            <th scope="col" className="sticky top-0 z-10 border-b border-stone-300 bg-stone-100 px-3 py-2 text-left font-semibold">
              Assessed
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const latest = row.latest;
            const cells = latest ? heatCells(areaIds, latest.areas, latest.weakest, scale) : [];
            const stale = latest && quarterOf(latest.submittedAt) < currentQuarter - 2;
            return (
              <tr key={row.teamId}>
                <th scope="row" className="sticky left-0 z-[5] border-b border-stone-200 bg-white px-3 py-1.5 text-left font-medium">
                  <IntentLink href={`/teams/${row.teamId}/trend`} className="text-wood-900 hover:underline">
                    {row.teamName}
                  </IntentLink>
                  {row.groupId && <span className="block text-xs font-normal text-stone-600">{groupPathName(groups, row.groupId)}</span>}
                </th>
                {latest
                  ? cells.map((cell) => {
                      const step = cell.step === null ? undefined : HEAT_STEPS[cell.step];
                      return (
                        <td
                          key={cell.areaId}
                          className={`border-b border-white px-2 py-1.5 text-center tabular-nums ${cell.weakest ? "heat-weakest font-bold" : ""}`}
                          style={step ? { background: step.background, color: step.text } : undefined}
                          data-weakest={cell.weakest || undefined}
                        >
                          {cell.weakest && (
                            <>
                              <span aria-hidden="true">▼ </span>
                              <span className="sr-only">weakest stave: </span>
                            </>
                          )}
                          {formatScore(cell.score)}
                        </td>
                      );
                    })
                  : (
                      <td colSpan={areas.length} className="border-b border-stone-200 px-2 py-1.5 text-center text-stone-600">
                        Not assessed with this model yet
                      </td>
                    )}
                <td className="border-b border-stone-200 px-2 py-1.5 text-center font-semibold tabular-nums">{formatScore(latest?.waterLevel)}</td>
                <td className="whitespace-nowrap border-b border-stone-200 px-3 py-1.5 text-stone-700">
                  {latest ? formatDate(latest.submittedAt) : "–"}
                  {stale && <span className="block text-xs text-stone-600">older than two quarters</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The colour scale, with the ranges of its five steps and the weakest-stave mark. */
export function HeatmapLegend({ scale }: { scale: { min: number; max: number } }) {
  const ranges = heatStepRanges(scale.min, scale.max);
  return (
    <ul className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-stone-700" aria-label="Colour scale">
      {HEAT_STEPS.map((step, i) => (
        <li key={step.background} className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm border border-stone-300" style={{ background: step.background }} />
          {formatScore(ranges[i]!.from)}–{formatScore(ranges[i]!.to)}
        </li>
      ))}
      <li className="flex items-center gap-1">
        <span aria-hidden="true" className="font-bold">▼</span> the team’s weakest stave (every one, when tied)
      </li>
    </ul>
  );
}
