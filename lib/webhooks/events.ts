// What a webhook endpoint can be told about: events in a team's barrel and around it. Each
// delivery is a Standard Webhooks message { type, timestamp, data } whose data is the JSON of a
// view's contract (lib/contracts), the same the API serves.

export const WEBHOOK_EVENTS = [
  "assessment.submitted",
  "weakest-stave.changed",
  "water-level.dropped",
  "target.reached",
  "target.missed",
  "assessment.overdue",
  "workshop.ended",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const webhookEventLabels: Record<WebhookEvent, { name: string; when: string }> = {
  "assessment.submitted": { name: "Assessment submitted", when: "a team submits an assessment" },
  "weakest-stave.changed": { name: "Weakest stave changed", when: "a team's new assessment has another weakest stave than its last" },
  "water-level.dropped": { name: "Water level dropped", when: "a team's new assessment has a lower water level than its last" },
  "target.reached": { name: "Target reached", when: "an assessment brings a team's target area up to its level by the due date" },
  "target.missed": { name: "Target missed", when: "a target's due date passes without the area reaching its level" },
  "assessment.overdue": { name: "Assessment overdue", when: "a team's next assessment is past due by its cadence" },
  "workshop.ended": { name: "Workshop ended", when: "a facilitator ends a workshop" },
};

/** How a delivery's body is written: the Standard Webhooks JSON, or a text a Slack-compatible incoming webhook shows. */
export const WEBHOOK_FORMATS = ["standard", "slack"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** The figures of a submitted assessment that barrel events compare. */
export type BarrelFigures = { waterLevel: number | null; weakest: readonly string[] };

/**
 * The barrel events a submission raises against the team's previous submission of the same model
 * (none before it: only "submitted"). Weakest staves compare as sets: a tie that gains or loses an
 * area is a change.
 */
export function barrelEvents(previous: BarrelFigures | undefined, current: BarrelFigures): WebhookEvent[] {
  const events: WebhookEvent[] = ["assessment.submitted"];
  if (!previous) return events;
  const before = new Set(previous.weakest);
  if (before.size !== current.weakest.length || current.weakest.some((a) => !before.has(a))) events.push("weakest-stave.changed");
  if (previous.waterLevel !== null && current.waterLevel !== null && current.waterLevel < previous.waterLevel) events.push("water-level.dropped");
  return events;
}
