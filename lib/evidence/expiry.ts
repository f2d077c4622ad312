import { UTCDate } from "@date-fns/utc";
import { add, addDays, differenceInCalendarDays } from "date-fns";
import { formatDate } from "../format";
import { validityOf } from "./validity";

// When evidence lapses. Days are calendar days in UTC, as every date Stave shows is. Evidence
// effective on day E with validity V expires on E + V (a month later lands on the same day of the
// month, or on its last day: 31 Jan + P1M is 28 or 29 Feb) and is stale from that day on; its last
// valid day is the day before.

/** Within this many days of expiring, evidence is listed on the team page as expiring soon. */
export const EXPIRING_SOON_DAYS = 30;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day ("2026-03-02") as a UTC date, or undefined when it is no real day ("2026-02-30"). */
export function parseDay(day: string): UTCDate | undefined {
  const match = ISO_DAY.exec(day);
  if (!match) return undefined;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  const date = new UTCDate(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : undefined;
}

const toDay = (date: Date) => date.toISOString().slice(0, 10);

/** Today's calendar day (UTC) at `now`. */
export const dayOf = (now: Date) => toDay(now);

function dayDate(day: string): UTCDate {
  const date = parseDay(day);
  if (!date) throw new Error(`“${day}” is not a calendar day.`);
  return date;
}

/** The day evidence effective on `effectiveOn` and holding for `validity` becomes stale. */
export function expiresOn(effectiveOn: string, validity: string): string {
  return toDay(add(dayDate(effectiveOn), validityOf(validity)));
}

export type EvidenceState =
  | { state: "valid"; expiresOn: string; validUntil: string; daysLeft: number }
  | { state: "expiring"; expiresOn: string; validUntil: string; daysLeft: number }
  | { state: "stale"; expiresOn: string; staleDays: number };

/** Whether evidence is valid, expiring within `EXPIRING_SOON_DAYS`, or stale, at `now`. */
export function evidenceState(effectiveOn: string, validity: string, now: Date): EvidenceState {
  const expiry = expiresOn(effectiveOn, validity);
  const daysLeft = differenceInCalendarDays(dayDate(expiry), dayDate(dayOf(now)));
  if (daysLeft <= 0) return { state: "stale", expiresOn: expiry, staleDays: Math.abs(daysLeft) };
  const validUntil = toDay(addDays(dayDate(expiry), -1));
  return { state: daysLeft <= EXPIRING_SOON_DAYS ? "expiring" : "valid", expiresOn: expiry, validUntil, daysLeft };
}

/** Whether evidence is stale at `now`. */
export const isStale = (effectiveOn: string, validity: string, now: Date) => evidenceState(effectiveOn, validity, now).state === "stale";

/** How the answer's evidence reads: "Stale since 2 Mar 2026", "Valid until 1 Mar 2026". */
export function evidenceStateText(state: EvidenceState): string {
  return state.state === "stale" ? `Stale since ${formatDate(state.expiresOn)}` : `Valid until ${formatDate(state.validUntil)}`;
}
