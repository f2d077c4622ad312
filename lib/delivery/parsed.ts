import type { z } from "zod";
import { implausibleTime, type DeliveryEvent } from "./events";

/** An event read from a request, with where its times sit in the body (for a message that points at them). */
export type ReadEvent = { event: DeliveryEvent; timeAt: string; committedAt?: string };

/**
 * What a request's body says: the events in it, and what was left out and why (a GitHub status
 * that is not an outcome, a PagerDuty acknowledgement); or why it is refused, field by field.
 */
export type Parsed = { ok: true; events: ReadEvent[]; ignored: string[] } | { ok: false; error: string; fieldErrors: Record<string, string[]> };

export const refusedBody = (error: string, fieldErrors: Record<string, string[]> = {}): Parsed => ({ ok: false, error, fieldErrors });

/** A zod failure as a refusal, each problem under its path ("events.3.time"). */
export function refusedBySchema(error: z.ZodError, prefix: (string | number)[] = []): Parsed {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[[...prefix, ...issue.path].map(String).join(".") || "form"] ??= []).push(issue.message);
  const first = error.issues[0];
  const where = first && [...prefix, ...first.path].length > 0 ? ` (at ${[...prefix, ...first.path].join(".")})` : "";
  return refusedBody(`Invalid event: ${first?.message ?? "not an event Stave reads"}${where}.`, fieldErrors);
}

/**
 * Refuses the whole body when any event's time is implausible (years away: a clock or a unit gone
 * wrong), so a batch is stored whole or not at all.
 */
export function checkTimes(parsed: Parsed, now: Date): Parsed {
  if (!parsed.ok) return parsed;
  const fieldErrors: Record<string, string[]> = {};
  for (const { event, timeAt, committedAt } of parsed.events) {
    const why = implausibleTime(event.at, now);
    if (why) (fieldErrors[timeAt] ??= []).push(`The time ${event.at.toISOString()} ${why}.`);
    if (event.kind === "change" && event.committedAt && committedAt) {
      const commit = implausibleTime(event.committedAt, now);
      if (commit) (fieldErrors[committedAt] ??= []).push(`The commit time ${event.committedAt.toISOString()} ${commit}.`);
    }
  }
  const [first] = Object.entries(fieldErrors);
  if (!first) return parsed;
  return refusedBody(`Nothing was recorded: ${first[1][0]} (at ${first[0]})`, fieldErrors);
}
