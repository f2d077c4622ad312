import { withheldShort } from "@/lib/dashboard/privacy";
import "server-only";
import { toCsv } from "@/lib/csv";
import { csvDownload } from "@/server/csv-download";
import { isoDate } from "@/lib/format";
import { quarterKey, quarterStart } from "@/lib/dashboard/quarter";
import { groupPathName } from "@/lib/groups";
import { roundHalfUp } from "@/lib/round";
import type { DashboardScreen } from "@/views/dashboard";

/** The heatmap as CSV: one row per team, ISO dates, one column per area. */
export function heatmapCsv(view: DashboardScreen): string {
  const { areas } = view;
  const nameOf = new Map(areas.map((a) => [a.areaId, a.name]));
  return toCsv(
    ["Team", "Group", "Assessed on", ...areas.map((a) => a.name), "Water level", "Weakest stave"],
    view.heatmap.rows.map((row) => [
      row.teamName,
      row.groupId ? groupPathName(view.groups, row.groupId) : "",
      row.latest ? isoDate(row.latest.submittedAt) : "",
      ...areas.map((a) => row.latest?.areas[a.areaId] ?? null),
      row.latest?.waterLevel ?? null,
      row.latest ? row.latest.weakest.map((id) => nameOf.get(id) ?? id).join("; ") : "",
    ]),
  );
}

/** Medians and quartiles interpolate between one-decimal scores: two decimals keep them exact enough. */
const twoDecimals = (n: number | undefined) => (n === undefined ? null : roundHalfUp(n, 2));

/** The quarterly series as CSV: teams counted, median and interquartile range, weakest-stave counts per area. */
export function quartersCsv(view: DashboardScreen): string {
  const { areas } = view;
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
      twoDecimals(q.waterLevel?.median),
      twoDecimals(q.waterLevel?.q1),
      twoDecimals(q.waterLevel?.q3),
      ...areas.map((a) => (q.withheld ? null : (q.weakest[a.areaId] ?? 0))),
      q.withheld ? `yes: ${withheldShort(q.withheldReason)}` : "no",
    ]),
  );
}

/** The dashboard's CSV as a download, named after the group it covers (or the organisation). */
export const csvResponse = (csv: string, what: string, view: DashboardScreen) => csvDownload(csv, what, view.path.at(-1)?.name ?? "organisation");
