import { z } from "zod";
import type { Parsed } from "./parsed";
import { refusedBySchema } from "./parsed";

// PagerDuty's v3 webhooks: an incident was triggered or resolved, on a PagerDuty service. Other
// incident events (acknowledged, escalated, annotated…) do not move the metrics.

const webhookSchema = z.object({
  event: z.object({
    id: z.string().trim().min(1).max(200),
    event_type: z.string(),
    occurred_at: z.iso.datetime({ offset: true }),
    data: z
      .object({
        id: z.string().trim().min(1).max(200).optional(),
        service: z.object({ id: z.string(), summary: z.string().optional() }).optional(),
      })
      .default({}),
  }),
});

/** The event of a PagerDuty v3 webhook delivery. */
export function readPagerDutyDelivery(body: unknown): Parsed {
  const parsed = webhookSchema.safeParse(body);
  if (!parsed.success) return refusedBySchema(parsed.error);
  const { event } = parsed.data;
  const kind = event.event_type === "incident.triggered" ? "incident_detected" : event.event_type === "incident.resolved" ? "incident_resolved" : null;
  if (kind === null) return { ok: true, events: [], ignored: [`${event.event_type}: Stave reads when incidents are triggered and resolved.`] };
  const service = event.data.service?.summary?.trim() || event.data.service?.id;
  if (!service || !event.data.id)
    return refusedBySchema(
      new z.ZodError([{ code: "custom", path: ["event", "data", "service"], message: "The incident names no service.", input: undefined }]),
    );
  return {
    ok: true,
    ignored: [],
    events: [
      {
        event: { kind, source: "pagerduty", eventId: event.id, service, at: new Date(event.occurred_at), subject: event.data.id },
        timeAt: "event.occurred_at",
      },
    ],
  };
}
