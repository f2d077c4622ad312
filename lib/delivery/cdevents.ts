import { z } from "zod";
import { isProductionEnvironment } from "./environment";
import type { DeliveryEvent } from "./events";
import { refusedBody, refusedBySchema, type Parsed, type ReadEvent } from "./parsed";
import { MAX_EVENTS_PER_REQUEST } from "./stave-events";

// CDEvents (cdevents.dev): `context` says what happened and when, `subject` what it happened to.
// Read: service.deployed / .upgraded (a deployment), service.rolledback (a deployment that undoes a
// bad one: rework) — to a production environment, or one not named — change.merged (a change, by its repository), incident.detected and
// incident.resolved (by the service they name). Sent bare or inside a CloudEvent's `data`.

const ref = z.object({ id: z.string().trim().min(1) }).passthrough();

const cdEventSchema = z.object({
  context: z.object({
    id: z.string().trim().min(1, "context.id is required.").max(200),
    source: z.string().trim().min(1, "context.source is required.").max(500),
    type: z.string().regex(/^dev\.cdevents\.[a-zA-Z]+\.[a-zA-Z]+\.\d+\.\d+\.\d+/, "context.type is a CDEvents type, e.g. dev.cdevents.service.deployed.0.2.0."),
    timestamp: z.iso.datetime({ offset: true, message: "context.timestamp is an RFC 3339 date and time." }),
  }),
  subject: z.object({
    id: z.string().trim().min(1, "subject.id is required.").max(200),
    content: z.object({ repository: ref.optional(), service: ref.optional(), environment: ref.optional() }).passthrough().default({}),
  }),
});

/** Whether a body looks like CDEvents: one event, one inside a CloudEvent, or a list of either. */
export function looksLikeCdEvents(body: unknown): boolean {
  const first = Array.isArray(body) ? body[0] : body;
  if (typeof first !== "object" || first === null) return false;
  const inner = "data" in first && "specversion" in first ? (first as { data: unknown }).data : first;
  return typeof inner === "object" && inner !== null && "context" in inner && "subject" in inner;
}

function readOne(raw: unknown, prefix: (string | number)[]): Parsed {
  const envelope = typeof raw === "object" && raw !== null && "specversion" in raw && "data" in raw;
  const at = envelope ? [...prefix, "data"] : prefix;
  const parsed = cdEventSchema.safeParse(envelope ? (raw as { data: unknown }).data : raw);
  if (!parsed.success) return refusedBySchema(parsed.error, at);
  const { context, subject } = parsed.data;
  const [, , noun, verb] = context.type.split(".");
  const what = `${noun}.${verb}`;
  const base = { source: "cdevents" as const, eventId: `${context.source}#${context.id}`, at: new Date(context.timestamp) };
  const timeAt = [...at, "context", "timestamp"].join(".");
  const read = (event: DeliveryEvent): Parsed => ({ ok: true, ignored: [], events: [{ event, timeAt } satisfies ReadEvent] });
  const named = (service: string | undefined, field: string) =>
    service ? null : refusedBody(`A CDEvent ${what} must name its ${field}.`, { [[...at, "subject", "content", field].join(".")]: [`Name the ${field}.`] });
  switch (what) {
    case "service.deployed":
    case "service.upgraded":
    case "service.rolledback": {
      const environment = subject.content.environment?.id;
      if (environment !== undefined && !isProductionEnvironment(environment))
        return { ok: true, events: [], ignored: [`${context.type} (${context.id}): the environment “${environment}” is not production.`] };
      return read({ ...base, kind: "deployment", service: subject.id, outcome: "success", rework: verb === "rolledback" });
    }
    case "change.merged": {
      const service = subject.content.repository?.id;
      return named(service, "repository") ?? read({ ...base, kind: "change", service: service!, subject: subject.id, committedAt: null });
    }
    case "incident.detected":
    case "incident.resolved": {
      const service = subject.content.service?.id;
      return (
        named(service, "service") ??
        read({ ...base, kind: verb === "detected" ? "incident_detected" : "incident_resolved", service: service!, subject: subject.id })
      );
    }
    default:
      return { ok: true, events: [], ignored: [`${context.type} (${context.id}): Stave reads deployments, merged changes and incidents only.`] };
  }
}

/** The events of a CDEvents body. */
export function readCdEvents(body: unknown): Parsed {
  const list = Array.isArray(body) ? body : [body];
  if (list.length === 0) return refusedBody("Send at least one event.");
  if (list.length > MAX_EVENTS_PER_REQUEST) return refusedBody(`Send at most ${MAX_EVENTS_PER_REQUEST} events per request.`);
  const out: Parsed & { ok: true } = { ok: true, events: [], ignored: [] };
  for (const [i, raw] of list.entries()) {
    const one = readOne(raw, Array.isArray(body) ? [i] : []);
    if (!one.ok) return one;
    out.events.push(...one.events);
    out.ignored.push(...one.ignored);
  }
  return out;
}
