/** One decimal, as every score is reported; an en dash when there is nothing to show. */
export const formatScore = (n: number | null | undefined) => (n === null || n === undefined ? "–" : n.toFixed(1));

// Formatters are built once: building one costs far more than using it.
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const formatDate = (d: Date | string) => dateFormat.format(new Date(d));

/** A moment, to the minute, in UTC (the audit log). */
export const formatDateTime = (d: Date | string) => `${dateTimeFormat.format(new Date(d))} UTC`;

/** A day as ISO 8601 writes it (UTC): "2026-03-14", for axes and exports. */
export const isoDate = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

/** A change of score, signed: "+0.4", "−1.0", "±0.0"; an en dash when there is none to show. */
export const formatChange = (n: number | null | undefined) =>
  n === null || n === undefined ? "–" : n > 0 ? `+${formatScore(n)}` : n < 0 ? `−${formatScore(-n)}` : "±0.0";
