import { formatFixed } from "../round";

// How the delivery metrics read on screen: a duration in the unit a person thinks in, a share as a
// whole percentage, a frequency per week or per day; "–" where there is nothing to measure.

export const NOTHING_MEASURED = "–";

/** "45 min", "5.5 h", "3.2 days". */
export function formatHours(hours: number | null): string {
  if (hours === null) return NOTHING_MEASURED;
  if (hours < 1) return `${formatFixed(hours * 60, 0)} min`;
  if (hours < 48) return `${formatFixed(hours, 1)} h`;
  return `${formatFixed(hours / 24, 1)} days`;
}

/** "25 %". */
export const formatRate = (rate: number | null) => (rate === null ? NOTHING_MEASURED : `${formatFixed(rate * 100, 0)} %`);

/** "3.5 a day" from 7 a week upwards, else "2.3 a week". */
export function formatFrequency(perWeek: number): string {
  if (perWeek >= 7) return `${formatFixed(perWeek / 7, 1)} a day`;
  return `${formatFixed(perWeek, 1)} a week`;
}
