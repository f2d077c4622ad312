import type { DashboardHeadline } from "@/lib/dashboard/aggregate";
import { TOO_FEW_TEAMS } from "@/lib/dashboard/privacy";
import { quarterLabel } from "@/lib/dashboard/quarter";
import { formatScore } from "@/lib/format";
import type { ScoreDigits } from "@/lib/model/scoring-rules";

/** The four numbers leadership reads first. */
export function DashboardHeadlineNumbers({
  headline,
  withheld,
  areaName,
  scaleMax,
  digits = 1,
  quarter,
}: {
  headline: DashboardHeadline;
  withheld: boolean;
  areaName: (id: string) => string;
  scaleMax: number;
  /** The decimals the model's scores are shown with. */
  digits?: ScoreDigits;
  quarter: number;
}) {
  const notAssessed = headline.teams - headline.assessedRecently;
  const change = headline.change;
  return (
    <dl className="grid gap-3 sm:grid-cols-3" data-testid="dashboard-headline">
      <div className="rounded-lg border border-stone-300 bg-white p-4">
        <dt className="text-sm font-medium text-stone-700">Assessed in the last two quarters</dt>
        <dd className="mt-1 text-3xl font-bold text-stone-800" data-testid="assessed-recently">
          {headline.assessedRecently}
          <span className="text-base font-normal text-stone-600"> of {headline.teams} teams</span>
        </dd>
        <dd className="text-xs text-stone-600">
          {notAssessed === 0 ? "Every team." : `${notAssessed} not assessed since the start of ${quarterLabel(quarter - 1)}.`}
        </dd>
      </div>
      <div className="rounded-lg border border-weak-500/40 bg-weak-500/5 p-4">
        <dt className="text-sm font-medium text-weak-700">Most common weakest stave</dt>
        {withheld ? (
          <dd className="mt-1 text-sm text-stone-700">{TOO_FEW_TEAMS}</dd>
        ) : headline.mostCommon ? (
          <>
            <dd className="mt-1 text-2xl font-bold text-weak-700" data-testid="most-common-weakest">
              {headline.mostCommon.areaIds.map(areaName).join(", ")}
            </dd>
            <dd className="text-xs text-stone-600">
              The weakest stave of {headline.mostCommon.teams} team{headline.mostCommon.teams === 1 ? "" : "s"} in {quarterLabel(quarter)}
              {headline.mostCommon.areaIds.length > 1 ? " each (tied)" : ""}.
            </dd>
          </>
        ) : (
          <dd className="mt-1 text-2xl font-bold text-stone-500">–</dd>
        )}
      </div>
      <div className="rounded-lg border border-water-300 bg-water-300/15 p-4">
        <dt className="text-sm font-medium text-water-700">Median water level</dt>
        {withheld ? (
          <dd className="mt-1 text-sm text-stone-700">{TOO_FEW_TEAMS}</dd>
        ) : (
          <>
            <dd className="mt-1 text-3xl font-bold text-water-700" data-testid="median-water-level">
              {formatScore(headline.median, digits)}
              <span className="text-base font-normal text-stone-600"> / {scaleMax}</span>
            </dd>
            <dd className="text-xs text-stone-600">
              {change === undefined
                ? `No figure for ${quarterLabel(quarter - 1)} to compare with.`
                : change === 0
                  ? `Unchanged since ${quarterLabel(quarter - 1)}.`
                  : `${change > 0 ? "Up" : "Down"} ${formatScore(Math.abs(change), digits)} since ${quarterLabel(quarter - 1)} (${formatScore(headline.previousMedian, digits)}).`}
            </dd>
          </>
        )}
      </div>
    </dl>
  );
}
