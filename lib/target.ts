import { UTCDate } from "@date-fns/utc";
import { addMonths, addYears, differenceInCalendarDays, endOfQuarter, isValid, parseISO } from "date-fns";
import { formatDate, formatScore, isoDate } from "./format";
import type { ScoreDigits } from "./model/scoring-rules";

// A target for the weakest stave: a level for the area that
// set the water level, to reach by a date. The advice is to raise it one or two levels, not to the
// top: a bigger step in one cycle rarely holds, and the top level is not worth its cost for every
// team. Days are calendar days in UTC, as every date Stave shows is.

/** A target as it was set: on which assessment, for which area, from which score, to what level by when. */
export type Target = {
  assessmentId: string;
  areaId: string;
  areaName: string;
  /** The area's score on the assessment the target was set on. */
  fromScore: number;
  level: number;
  /** The day to reach it by, "YYYY-MM-DD". */
  dueOn: string;
  /** When it was set (or last changed), ISO 8601. */
  setOn: string;
  /** When the assessment it was set on was submitted (ISO 8601): later assessments can reach it. */
  assessedOn: string;
};

export type TargetAdvice = {
  /** Every level a target may be: above the current score, up to the top of the scale. */
  levels: number[];
  /** The levels the advice names: one or two above the current score, the top only when nothing else is left. */
  advised: number[];
  /** What the form starts with. */
  suggested: number | undefined;
  reason: string;
};

/** Which levels a target may be for a weakest stave now at `current`, and which the advice names. */
export function targetAdvice(current: number | null, scale: { min: number; max: number }): TargetAdvice {
  if (current === null) {
    return { levels: [], advised: [], suggested: undefined, reason: "No area was scored, so there is no weakest stave to raise yet." };
  }
  const levels = range(Math.floor(current) + 1, scale.max);
  if (levels.length === 0) {
    return { levels, advised: [], suggested: undefined, reason: "The weakest stave is already at the top of the scale: every area is there." };
  }
  const near = levels.filter((l) => l <= current + 2);
  const advised = near.length > 1 ? near.filter((l) => l < scale.max) : near;
  // One level up from where it stands (1.9 → 3, 2.0 → 3), within the advice.
  const suggested = Math.min(Math.ceil(current + 1), advised.at(-1)!);
  const reason =
    advised.at(-1) === scale.max
      ? "Only the top level is left above this score. Aim for it if it is worth what it costs this team."
      : "Raise the weakest stave one or two levels this cycle. A bigger jump rarely holds, and the top level is seldom worth its cost for every area.";
  return { levels, advised, suggested, reason };
}

/** What is wrong with a target level for a weakest stave (or the area named) now at `current`, if anything. */
export function targetLevelProblem(
  level: number,
  current: number | null,
  scale: { min: number; max: number },
  what = "the weakest stave",
  digits: ScoreDigits = 1,
): string | undefined {
  if (current === null) return "No area was scored, so there is no weakest stave to set a target for.";
  if (level > scale.max) return `The scale stops at ${scale.max}: a target can be at most ${scale.max}.`;
  if (level <= current) return `The target must be above ${what}'s current score (${formatScore(current, digits)}).`;
  return undefined;
}

/** The last day of the quarter after the one `now` falls in: a full quarter to work on it. */
export function defaultTargetDate(now: Date): string {
  return isoDate(endOfQuarter(addMonths(new UTCDate(now), 3)));
}

/** Parses "YYYY-MM-DD" into a real calendar day (UTC midnight), or undefined (2026-02-30, 2026-13-01, "soon"). */
export function parseDay(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const day = parseISO(text, { in: (d) => new UTCDate(d) });
  return isValid(day) && isoDate(day) === text ? day : undefined;
}

/** What is wrong with a target date for a target set on `setOn`, if anything. */
export function targetDateProblem(dueOn: string, setOn: Date): string | undefined {
  const day = parseDay(dueOn);
  if (!day) return "Enter the target date as a calendar day, e.g. 2027-03-31.";
  if (differenceInCalendarDays(day, new UTCDate(setOn)) <= 0) return `The target date must be after ${isoDate(setOn)}, when the target is set.`;
  if (day > addYears(new UTCDate(setOn), 3)) return "The target date can be at most three years ahead.";
  return undefined;
}

/** A later assessment, as far as a target cares: when it was submitted (ISO 8601) and each area's score. */
export type LaterScore = { assessmentId: string; submittedAt: string; areas: Record<string, number | null> };

/** A stored score as a target reads it. */
export const toLaterScore = (s: {
  assessmentId: string;
  submittedAt: Date | string;
  score: { areas: readonly { areaId: string; score: number | null }[] };
}): LaterScore => ({
  assessmentId: s.assessmentId,
  submittedAt: new Date(s.submittedAt).toISOString(),
  areas: Object.fromEntries(s.score.areas.map((a) => [a.areaId, a.score])),
});

export type TargetOutcome =
  { state: "reached"; assessmentId: string; on: string; score: number } | { state: "missed"; score: number | null } | { state: "open"; days: number };

/** Whether an area score meets the target; undefined when the area was not scored (or is gone). */
export function targetMet(target: Pick<Target, "level">, score: number | null | undefined): boolean | undefined {
  return score === null || score === undefined ? undefined : score >= target.level;
}

/**
 * How a target fared: reached at the first later assessment (submitted after the one it was set
 * on, by the end of its date) whose area met it; missed once the date has passed without one
 * (with the last score by then); open until then.
 */
export function targetOutcome(target: Pick<Target, "areaId" | "level" | "dueOn" | "assessedOn">, later: readonly LaterScore[], now: Date): TargetOutcome {
  const due = parseDay(target.dueOn)!;
  const inTime = [...later]
    .filter((l) => Date.parse(l.submittedAt) > Date.parse(target.assessedOn) && differenceInCalendarDays(new UTCDate(Date.parse(l.submittedAt)), due) <= 0)
    .sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
  const reached = inTime.find((l) => targetMet(target, l.areas[target.areaId]) === true);
  if (reached) return { state: "reached", assessmentId: reached.assessmentId, on: reached.submittedAt, score: reached.areas[target.areaId]! };
  const days = differenceInCalendarDays(due, new UTCDate(now));
  if (days >= 0) return { state: "open", days };
  return { state: "missed", score: inTime.at(-1)?.areas[target.areaId] ?? null };
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** "Raise Observability from 1.9 to level 3 by 31 Mar 2027". */
export const targetText = (t: Pick<Target, "areaName" | "fromScore" | "level" | "dueOn">, digits: ScoreDigits = 1) =>
  `Raise ${t.areaName} from ${formatScore(t.fromScore, digits)} to level ${t.level} by ${formatDate(t.dueOn)}`;

/** How the target stands, in words (scores with the model's decimals). */
export function outcomeText(outcome: TargetOutcome, digits: ScoreDigits = 1): string {
  switch (outcome.state) {
    case "reached":
      return `Reached on ${formatDate(outcome.on)} (${formatScore(outcome.score, digits)}).`;
    case "missed":
      return outcome.score === null
        ? "Missed: no assessment by the target date reached it."
        : `Missed: ${formatScore(outcome.score, digits)} by the target date.`;
    case "open":
      return outcome.days === 0 ? "Open: due today." : `Open: ${outcome.days} day${outcome.days === 1 ? "" : "s"} to go.`;
  }
}

export type CycleVerdict = { state: "reached" | "reached-late" | "not-yet" | "missed" | "unknown"; score: number | null };

/**
 * The last cycle's target, judged at the next assessment: reached (in time), reached after its
 * date, not reached yet (its date had not passed), missed, or unknown (the area was not scored).
 * The same rule as the trend's outcome, seen from that one assessment.
 */
export function cycleVerdict(target: Pick<Target, "areaId" | "level" | "dueOn" | "assessedOn">, next: LaterScore): CycleVerdict {
  const score = next.areas[target.areaId] ?? null;
  const met = targetMet(target, score);
  if (met === undefined) return { state: "unknown", score };
  const outcome = targetOutcome(target, [next], new Date(next.submittedAt));
  if (outcome.state === "reached") return { state: "reached", score };
  if (met) return { state: "reached-late", score };
  return { state: outcome.state === "open" ? "not-yet" : "missed", score };
}
