import { formatFixed, roundHalfUp } from "./round";

/** One decimal, rounded half up, as every score is reported; an en dash when there is nothing to show. */
export const formatScore = (n: number | null | undefined) => (n === null || n === undefined ? "–" : formatFixed(n, 1));

/** A share in whole per cent, rounded half up: "13 %". */
export const formatPercent = (n: number) => `${formatFixed(n, 0)} %`;

// Formatters are built once: building one costs far more than using it.
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const formatDate = (d: Date | string) => dateFormat.format(new Date(d));

/** A moment, to the minute, in UTC (the audit log). */
export const formatDateTime = (d: Date | string) => `${dateTimeFormat.format(new Date(d))} UTC`;

/** A day as ISO 8601 writes it (UTC): "2026-03-14", for axes and exports. */
export const isoDate = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

/** A change of score, signed: "+0.4", "−1.0", "±0.0"; an en dash when there is none to show. */
export function formatChange(n: number | null | undefined): string {
  if (n === null || n === undefined) return "–";
  const shown = roundHalfUp(n, 1);
  return shown > 0 ? `+${formatScore(shown)}` : shown < 0 ? `−${formatScore(-shown)}` : "±0.0";
}
