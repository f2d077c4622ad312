import { UTCDate } from "@date-fns/utc";
import { addMonths, differenceInCalendarDays } from "date-fns";
import { formatDate } from "./format";

// How often a team assesses itself, and when its next assessment is due. Due dates are shown to help the team plan, never to rank teams. Calendar
// arithmetic is done in UTC, as every date Stave shows is, whatever the server's time zone.

export const CADENCES = ["monthly", "quarterly", "half-yearly", "none"] as const;
export type Cadence = (typeof CADENCES)[number];
export const DEFAULT_CADENCE: Cadence = "quarterly";

export const cadenceLabels: Record<Cadence, string> = {
  monthly: "Every month",
  quarterly: "Every quarter",
  "half-yearly": "Every half year",
  none: "No fixed cadence",
};

const months: Record<Cadence, number | null> = { monthly: 1, quarterly: 3, "half-yearly": 6, none: null };

/** Within this many days of the due date an assessment counts as due soon. */
export const DUE_SOON_DAYS = 14;

export type Due = { date: Date; state: "upcoming" | "due-soon" | "overdue"; days: number };

/**
 * When the next assessment is due: one cadence after the last submitted one (a month later lands
 * on the same day of the month, or its last day). Undefined when the team keeps no cadence. A team
 * never assessed has no due date: its first assessment is simply still to do (`NOT_ASSESSED`).
 */
export function nextDue(cadence: Cadence, lastSubmittedAt: Date, now: Date): Due | undefined {
  const step = months[cadence];
  if (step === null) return undefined;
  const due = addMonths(new UTCDate(lastSubmittedAt), step);
  const days = differenceInCalendarDays(due, new UTCDate(now));
  const date = new Date(due.getTime());
  return { date, days, state: days < 0 ? "overdue" : days <= DUE_SOON_DAYS ? "due-soon" : "upcoming" };
}

/** What the teams list and the team page say of a team that has never submitted an assessment, instead of a due date. */
export const NOT_ASSESSED = "Not assessed yet";

/** What the team page and the teams list say about the next assessment. */
export function dueText(due: Due): string {
  if (due.state === "overdue") return `Next assessment was due ${formatDate(due.date)}`;
  if (due.days === 0) return "Next assessment due today";
  if (due.state === "due-soon") return `Next assessment due in ${due.days} day${due.days === 1 ? "" : "s"} (${formatDate(due.date)})`;
  return `Next assessment due ${formatDate(due.date)}`;
}
