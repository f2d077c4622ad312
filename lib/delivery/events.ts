// What Stave keeps of a delivery event, whichever format it came in (Stave's own JSON, CDEvents,
// a GitHub deployment status, a PagerDuty incident): one of four kinds, about one service.

export const DELIVERY_EVENT_KINDS = ["deployment", "change", "incident_detected", "incident_resolved"] as const;
export type DeliveryEventKind = (typeof DELIVERY_EVENT_KINDS)[number];

/** A deployment that went out, or one that failed to (the deploy itself broke: a failed change by itself). */
export const DEPLOYMENT_OUTCOMES = ["success", "failure"] as const;
export type DeploymentOutcome = (typeof DEPLOYMENT_OUTCOMES)[number];

/** Where an event came from: the idempotency key is (organisation, source, event id). */
export const EVENT_SOURCES = ["stave", "cdevents", "github", "pagerduty"] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** Sources that cannot send a bearer token and sign their deliveries instead. */
export const SIGNED_SOURCES = ["github", "pagerduty"] as const;
export type SignedSource = (typeof SIGNED_SOURCES)[number];

export const signedSourceLabels: Record<SignedSource, string> = {
  github: "GitHub deployment statuses",
  pagerduty: "PagerDuty incidents (webhooks v3)",
};

type Common = { source: EventSource; eventId: string; service: string; at: Date };

/**
 * One event, normalised. `subject` ties events together: the incident a detection and a resolution
 * are about, the change merged. A deployment's `rework` says it was unplanned, made to fix a
 * problem users saw (sent by the source; Stave also infers it, see ./metrics.ts).
 */
export type DeliveryEvent = Common &
  (
    | { kind: "deployment"; outcome: DeploymentOutcome; rework: boolean }
    | { kind: "change"; subject: string; committedAt: Date | null }
    | { kind: "incident_detected" | "incident_resolved"; subject: string }
  );

/** Events further than this from now are refused: a clock or a unit gone wrong, not history. */
export const EVENT_TIME_WINDOW_DAYS = { past: 5 * 366, future: 1 };

/** Why an event's time is refused, or null when it is plausible. */
export function implausibleTime(at: Date, now: Date): string | null {
  const day = 86_400_000;
  if (Number.isNaN(at.getTime())) return "is not a date and time";
  if (at.getTime() > now.getTime() + EVENT_TIME_WINDOW_DAYS.future * day) return "is in the future: send the time the event happened, with its time zone";
  if (at.getTime() < now.getTime() - EVENT_TIME_WINDOW_DAYS.past * day)
    return "is more than five years ago: send the time the event happened, with its time zone";
  return null;
}
