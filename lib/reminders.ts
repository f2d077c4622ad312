import { UTCDate } from "@date-fns/utc";
import { differenceInCalendarDays } from "date-fns";
import { nextDue, type Cadence } from "./cadence";
import { isoDate } from "./format";
import { isOpen, type ActionStatus } from "./improvement-actions";
import { parseDay, targetOutcome, type LaterScore, type Target, type TargetOutcome } from "./target";

// When a reminder is due, decided from the calendar alone. The hourly sweep asks; each reminder
// has a key, so it is told once per person however many sweeps (or instances) ask.

/** A team hears of its next assessment this many days before it is due. */
export const DUE_SOON_REMINDER_DAYS = 7;
/** Only what fell due in the last week is told: a person who joins today hears nothing of last year. */
export const REMINDER_LOOKBACK_DAYS = 7;

export type AssessmentReminder = { occasion: "due-soon" | "overdue"; dueOn: string; days: number };

/** Whether a team's next assessment is due within a week, or overdue since less than a week; undefined otherwise. */
export function assessmentReminder(cadence: Cadence, lastSubmittedAt: Date | null, now: Date): AssessmentReminder | undefined {
  if (!lastSubmittedAt) return undefined;
  const due = nextDue(cadence, lastSubmittedAt, now);
  if (!due) return undefined;
  if (due.days >= 0 && due.days <= DUE_SOON_REMINDER_DAYS) return { occasion: "due-soon", dueOn: isoDate(due.date), days: due.days };
  if (due.days < 0 && due.days >= -REMINDER_LOOKBACK_DAYS) return { occasion: "overdue", dueOn: isoDate(due.date), days: due.days };
  return undefined;
}

/** Days until an open improvement action is due, when its owner should hear of it: from the day before its due day until a week after; undefined otherwise. */
export function actionReminderDays(action: { status: ActionStatus; dueOn: string | null }, now: Date): number | undefined {
  const due = action.dueOn === null ? undefined : parseDay(action.dueOn);
  if (!isOpen(action.status) || !due) return undefined;
  const days = differenceInCalendarDays(due, new UTCDate(now));
  return days <= 1 && days >= -REMINDER_LOOKBACK_DAYS ? days : undefined;
}

export type TargetReminder = { occasion: "target-reached" | "target-missed"; outcome: TargetOutcome };

/** Whether a target was reached, or its date passed unreached, in the last week: what its team hears once. */
export function targetReminder(
  target: Pick<Target, "areaId" | "level" | "dueOn" | "assessedOn">,
  later: readonly LaterScore[],
  now: Date,
): TargetReminder | undefined {
  const outcome = targetOutcome(target, later, now);
  const today = new UTCDate(now);
  if (outcome.state === "reached" && differenceInCalendarDays(today, new UTCDate(Date.parse(outcome.on))) <= REMINDER_LOOKBACK_DAYS)
    return { occasion: "target-reached", outcome };
  if (outcome.state === "missed" && differenceInCalendarDays(today, parseDay(target.dueOn)!) <= REMINDER_LOOKBACK_DAYS)
    return { occasion: "target-missed", outcome };
  return undefined;
}

/** The once-key of a reminder to one person: what it is about and the occurrence (a date), so the next occurrence is told again. */
export const reminderKey = (userId: string, occasion: string, subjectId: string, on: string) => `${occasion}:${subjectId}:${on}:${userId}`;
