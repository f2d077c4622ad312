import { withheldShort } from "@/lib/dashboard/privacy";
import "server-only";
import { toCsv } from "@/lib/csv";
import { csvDownload } from "@/server/csv-download";
import { isoDate } from "@/lib/format";
import { quarterKey, quarterStart } from "@/lib/dashboard/quarter";
import { groupPathName } from "@/lib/groups";
import { roundHalfUp } from "@/lib/round";
import type { DashboardScreen } from "@/views/dashboard";
import type { ScoreDigits } from "@/lib/model/scoring-rules";

/** A score as the page shows it, with the model's decimals (as a number, so spreadsheets can sum it). */
const shown = (n: number | null | undefined, digits: ScoreDigits) => (n === null || n === undefined ? null : roundHalfUp(n, digits));

/** The heatmap as CSV: one row per team, ISO dates, one column per area. */
export function heatmapCsv(view: DashboardScreen): string {
  const { areas, digits } = view;
  const nameOf = new Map(areas.map((a) => [a.areaId, a.name]));
  return toCsv(
    ["Team", "Group", "Assessed on", ...areas.map((a) => a.name), "Water level", "Weakest stave"],
    view.heatmap.rows.map((row) => [
      row.teamName,
      row.groupId ? groupPathName(view.groups, row.groupId) : "",
      row.latest ? isoDate(row.latest.submittedAt) : "",
      ...areas.map((a) => shown(row.latest?.areas[a.areaId], digits)),
      shown(row.latest?.waterLevel, digits),
      row.latest ? row.latest.weakest.map((id) => nameOf.get(id) ?? id).join("; ") : "",
    ]),
  );
}

/** Medians and quartiles interpolate between scores: one decimal more than the scores' keeps them exact enough (two for one-decimal scores). */
const oneMore = (n: number | undefined, digits: ScoreDigits) => (n === undefined ? null : roundHalfUp(n, digits + 1));

/** The quarterly series as CSV: teams counted, median and interquartile range, weakest-stave counts per area. */
export function quartersCsv(view: DashboardScreen): string {
  const { areas, digits } = view;
  return toCsv(
    [
      "Quarter",
      "Quarter start",
      "Teams counted",
      "Median water level",
      "Lower quartile",
      "Upper quartile",
      ...areas.map((a) => `Weakest stave: ${a.name}`),
      "Withheld",
    ],
    view.series.quarters.map((q) => [
      quarterKey(q.quarter),
      isoDate(quarterStart(q.quarter)),
      q.teams,
      oneMore(q.waterLevel?.median, digits),
      oneMore(q.waterLevel?.q1, digits),
      oneMore(q.waterLevel?.q3, digits),
      ...areas.map((a) => (q.withheld ? null : (q.weakest[a.areaId] ?? 0))),
      q.withheld ? `yes: ${withheldShort(q.withheldReason)}` : "no",
    ]),
  );
}

/** The dashboard's CSV as a download, named after the group it covers (or the organisation). */
export const csvResponse = (csv: string, what: string, view: DashboardScreen) => csvDownload(csv, what, view.path.at(-1)?.name ?? "organisation");
