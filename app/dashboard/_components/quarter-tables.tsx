import type { QuarterFigures } from "@/lib/dashboard/aggregate";
import { weakestShares } from "@/lib/dashboard/aggregate";
import { withheldShort } from "@/lib/dashboard/privacy";
import { quarterLabel } from "@/lib/dashboard/quarter";
import { formatPercent, formatScore } from "@/lib/format";
import type { ScoreDigits } from "@/lib/model/scoring-rules";

type Area = { areaId: string; name: string };

// Cell styles: `.figures-table` in globals.css.

/** The weakest-stave counts (and shares) per quarter: the chart's figures. */
export function DistributionTable({ quarters, areas }: { quarters: readonly QuarterFigures[]; areas: readonly Area[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="figures-table w-full border-separate border-spacing-0 text-sm" data-testid="distribution-table">
        <caption className="sr-only">Teams with each area as their weakest stave, per quarter</caption>
        <thead>
          <tr>
            <th scope="col">Quarter</th>
            <th scope="col">Teams</th>
            {areas.map((a) => (
              <th key={a.areaId} scope="col">
                {a.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...quarters].reverse().map((q) => {
            const shares = weakestShares(
              new Map(Object.entries(q.weakest)),
              areas.map((a) => a.areaId),
            );
            return (
              <tr key={q.quarter}>
                <th scope="row">{quarterLabel(q.quarter)}</th>
                <td>{q.teams}</td>
                {q.withheld ? (
                  <td colSpan={areas.length} className="withheld">
                    Withheld: {withheldShort(q.withheldReason)}
                  </td>
                ) : (
                  areas.map((a) => (
                    <td key={a.areaId} data-area={a.areaId}>
                      {q.weakest[a.areaId] ?? 0}
                      {q.teams > 0 && <span className="whitespace-nowrap text-stone-600"> ({formatPercent(shares[a.areaId]!)})</span>}
                    </td>
                  ))
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The median water level, its interquartile range and the teams counted, per quarter. */
export function WaterLevelTable({ quarters, digits = 1 }: { quarters: readonly QuarterFigures[]; digits?: ScoreDigits }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="figures-table w-full border-separate border-spacing-0 text-sm" data-testid="water-level-table">
        <caption className="sr-only">Median water level and interquartile range per quarter</caption>
        <thead>
          <tr>
            <th scope="col">Quarter</th>
            <th scope="col">Teams counted</th>
            <th scope="col">Median</th>
            <th scope="col">Middle half (IQR)</th>
          </tr>
        </thead>
        <tbody>
          {[...quarters].reverse().map((q) => (
            <tr key={q.quarter}>
              <th scope="row">{quarterLabel(q.quarter)}</th>
              <td>{q.teams}</td>
              {q.withheld ? (
                <td colSpan={2} className="withheld">
                  Withheld: {withheldShort(q.withheldReason)}
                </td>
              ) : (
                <>
                  <td className="median">{formatScore(q.waterLevel?.median, digits)}</td>
                  <td>{q.waterLevel ? `${formatScore(q.waterLevel.q1, digits)}–${formatScore(q.waterLevel.q3, digits)}` : "–"}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
