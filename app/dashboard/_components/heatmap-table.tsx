import { HEAT_STEPS, heatCells, heatStepRanges } from "@/lib/dashboard/heatmap";
import { quarterOf } from "@/lib/dashboard/quarter";
import { formatDate, formatScore } from "@/lib/format";
import { groupPathName, type GroupNode } from "@/lib/groups";
import type { DashboardHeatmapRow } from "@/views/dashboard";
import type { ScoreDigits } from "@/lib/model/scoring-rules";

type Area = { areaId: string; name: string };

// The colour steps as classes, written once per table instead of a style on every cell.
const HEAT_STEP_CSS = HEAT_STEPS.map((step, i) => `.heat-${i}{background:${step.background};color:${step.text}}`).join("");

/**
 * Teams × areas from each team's latest submitted assessment: the score in every cell on a
 * colour-blind-safe scale, each team's weakest stave marked. Sorted by name or group, never by score.
 */
export function HeatmapTable({
  rows,
  areas,
  groups,
  scale,
  digits = 1,
  currentQuarter,
  caption,
}: {
  rows: readonly DashboardHeatmapRow[];
  areas: readonly Area[];
  groups: readonly GroupNode[];
  scale: { min: number; max: number };
  /** The decimals the model's scores are shown with. */
  digits?: ScoreDigits;
  currentQuarter: number;
  caption: string;
}) {
  const areaIds = areas.map((a) => a.areaId);
  return (
    <div className="heatmap relative max-h-[75vh] overflow-auto rounded-lg border border-stone-200 bg-white">
      <style>{HEAT_STEP_CSS}</style>
      <table className="heatmap-table w-full border-separate border-spacing-0 text-sm">
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
            const stale = latest && quarterOf(new Date(latest.submittedAt)) < currentQuarter - 2;
            return (
              <tr key={row.teamId}>
                {/* A plain link: a page of a hundred teams should not carry a hundred client components. */}
                <th scope="row">
                  <a href={`/teams/${row.teamId}/trend`}>{row.teamName}</a>
                  {row.groupId && <small>{groupPathName(groups, row.groupId)}</small>}
                </th>
                {latest ? (
                  heatCells(areaIds, latest.areas, latest.weakest, scale).map((cell) => (
                    <td key={cell.areaId} className={cell.step === null ? undefined : `heat-${cell.step}${cell.weakest ? " heat-weakest" : ""}`}>
                      {cell.weakest && <span aria-hidden="true">▼ </span>}
                      {cell.weakest && <span className="sr-only">weakest stave: </span>}
                      {formatScore(cell.score, digits)}
                    </td>
                  ))
                ) : (
                  <td colSpan={areas.length} className="heat-none">
                    Not assessed with this model yet
                  </td>
                )}
                <td className="heat-water">{formatScore(latest?.waterLevel, digits)}</td>
                <td className="heat-date">
                  {latest ? formatDate(latest.submittedAt) : "–"}
                  {stale && <small>older than two quarters</small>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The colour scale, with the ranges of its steps and the weakest-stave mark. */
export function HeatmapLegend({ scale, digits = 1 }: { scale: { min: number; max: number }; digits?: ScoreDigits }) {
  return (
    <ul className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-stone-700" aria-label="Colour scale">
      {heatStepRanges(scale.min, scale.max).map((range) => (
        <li key={range.step} className="flex items-center gap-1">
          <span
            aria-hidden="true"
            className="inline-block h-3 w-5 rounded-sm border border-stone-300"
            style={{ background: HEAT_STEPS[range.step]!.background }}
          />
          {formatScore(range.from, digits)}–{formatScore(range.to, digits)}
        </li>
      ))}
      <li className="flex items-center gap-1">
        <span aria-hidden="true" className="font-bold">
          ▼
        </span>{" "}
        the team’s weakest stave (every one, when tied)
      </li>
    </ul>
  );
}
