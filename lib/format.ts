import type { ScoreDigits } from "./model/scoring-rules";
import { formatFixed, roundHalfUp } from "./round";

/**
 * A score with the decimals its model shows (`scoreDigits`: one unless the model says otherwise,
 * two for SAMM), rounded half up; an en dash when there is nothing to show.
 */
export const formatScore = (n: number | null | undefined, digits: ScoreDigits = 1) => (n === null || n === undefined ? "–" : formatFixed(n, digits));

/** How a score's rounding reads in a sentence: "Shown to two decimals". */
export const decimalsText = (digits: ScoreDigits) =>
  digits === 0 ? "a whole number" : `${["one", "two", "three"][digits - 1] ?? digits} decimal${digits === 1 ? "" : "s"}`;

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

/** A change of score, signed: "+0.4", "−1.0", "±0.0" (with the model's decimals); an en dash when there is none to show. */
export function formatChange(n: number | null | undefined, digits: ScoreDigits = 1): string {
  if (n === null || n === undefined) return "–";
  const shown = roundHalfUp(n, digits);
  return shown > 0 ? `+${formatScore(shown, digits)}` : shown < 0 ? `−${formatScore(-shown, digits)}` : `±${formatScore(0, digits)}`;
}
