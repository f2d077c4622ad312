import { z } from "zod";
import { MAX_EVENTS_PER_REQUEST, staveEventsSchema } from "../delivery/stave-events";

// POST /events: what a client sends (Stave's own format; CDEvents are read too) and what it is told.

export const ingestAnswerSchema = z.object({
  recorded: z.number().int().describe("Events stored by this request."),
  duplicates: z
    .array(z.object({ source: z.string(), eventId: z.string() }))
    .describe("Events already stored under the same source and id (a retry or a replay): nothing changed for them."),
  unmappedServices: z
    .array(z.string())
    .describe("Services named here that no team owns yet: their events are kept, and count once an owner or admin maps them."),
  ignored: z.array(z.string()).describe("Events read but not measured, and why (e.g. a CDEvent of another kind)."),
  detail: z.string().describe("All of the above in a sentence or three."),
});

export const INGEST_OPERATION = {
  id: "recordEvents",
  path: "/events",
  tag: "Delivery events",
  summary: "Send deployments, merged changes and incidents",
  description: [
    `Needs a token with the events:write scope. Send Stave's own format (below: up to ${MAX_EVENTS_PER_REQUEST} events, at most 1 MB), or CDEvents (service.deployed, service.upgraded, service.rolledback, change.merged, incident.detected, incident.resolved), one event, one inside a CloudEvent's data, or a list.`,
    "Each event is stored once per source and id: sending it again changes nothing and is said so (duplicates). A request is stored whole or not at all: one refused event (malformed, or a time more than five years ago or in the future) refuses the request, its problem pointing at the event.",
    "Events of services no team owns yet are kept; owners and admins map services to teams under Organisation → Delivery data. GitHub deployment statuses and PagerDuty v3 incident webhooks, which cannot send a token, go to the signed addresses shown there instead.",
  ].join("\n\n"),
  requestName: "DeliveryEvents",
  request: staveEventsSchema,
  schemaName: "IngestAnswer",
  schema: ingestAnswerSchema,
};
