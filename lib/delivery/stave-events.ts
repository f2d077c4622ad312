import { z } from "zod";
import type { DeliveryEvent } from "./events";
import { refusedBySchema, type Parsed } from "./parsed";

/** The most events one request may carry: a batch is stored in one transaction. */
export const MAX_EVENTS_PER_REQUEST = 500;

const id = z.string().trim().min(1, "Give the event an id, unique within your source.").max(200, "An id can be at most 200 characters.");
const service = z.string().trim().min(1, "Name the service (or repository) the event is about.").max(200, "A service name can be at most 200 characters.");
const time = z.iso.datetime({ offset: true, message: "Send the time as an ISO 8601 date and time with its time zone, e.g. 2026-03-02T14:05:00Z." });
const subject = (what: string) => z.string().trim().min(1, `Name the ${what}.`).max(200, `The ${what} can be at most 200 characters.`);

const common = { id, service, time };

/** Stave's own event format: one of four types, each about one service. */
export const staveEventSchema = z.discriminatedUnion(
  "type",
  [
    z.object({
      ...common,
      type: z.literal("deployment"),
      outcome: z.enum(["success", "failure"], "outcome is success (it went out) or failure (it failed to).").default("success"),
      rework: z.boolean().default(false).describe("Unplanned: made to fix a problem users saw (a hotfix, a rollback)."),
    }),
    z.object({
      ...common,
      type: z.literal("change"),
      change: subject("change (a pull request, a commit)"),
      committedAt: time.optional().describe("When the change's first commit was made; the merge time (time) when absent."),
    }),
    z.object({ ...common, type: z.literal("incident.detected"), incident: subject("incident") }),
    z.object({ ...common, type: z.literal("incident.resolved"), incident: subject("incident") }),
  ],
  "type is one of deployment, change, incident.detected, incident.resolved.",
);

export const staveEventsSchema = z.object({
  events: z
    .array(staveEventSchema)
    .min(1, "Send at least one event.")
    .max(MAX_EVENTS_PER_REQUEST, `Send at most ${MAX_EVENTS_PER_REQUEST} events per request.`),
});
export type StaveEvents = z.input<typeof staveEventsSchema>;

/** The events of a body in Stave's own format. */
export function readStaveEvents(body: unknown): Parsed {
  const parsed = staveEventsSchema.safeParse(body);
  if (!parsed.success) return refusedBySchema(parsed.error);
  return {
    ok: true,
    ignored: [],
    events: parsed.data.events.map((e, i) => {
      const base = { source: "stave" as const, eventId: e.id, service: e.service, at: new Date(e.time) };
      const timeAt = `events.${i}.time`;
      const event: DeliveryEvent =
        e.type === "deployment"
          ? { ...base, kind: "deployment", outcome: e.outcome, rework: e.rework }
          : e.type === "change"
            ? { ...base, kind: "change", subject: e.change, committedAt: e.committedAt ? new Date(e.committedAt) : null }
            : { ...base, kind: e.type === "incident.detected" ? "incident_detected" : "incident_resolved", subject: e.incident };
      return { event, timeAt, committedAt: `events.${i}.committedAt` };
    }),
  };
}
