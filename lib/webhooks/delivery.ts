// A delivery's life: pending until its first attempt, retrying after a failed one (with backoff),
// delivered on a 2xx answer, failed once its attempts are spent. A person may replay any delivery.

export const WEBHOOK_DELIVERY_STATES = ["pending", "retrying", "delivered", "failed"] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

/** Waits before the 2nd, 3rd… attempt: 1 min, 5 min, 30 min, 2 h, 8 h; then the delivery has failed. */
export const WEBHOOK_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 8 * 3_600_000] as const;

/** The outcome of one attempt: the endpoint's status, or no answer at all. */
export type AttemptOutcome = { status: number } | { error: string };

export const answeredOk = (outcome: AttemptOutcome): boolean => "status" in outcome && outcome.status >= 200 && outcome.status < 300;

/** After attempt number `attempts` (1 for the first): the state, and when to try again if at all. */
export function afterAttempt(outcome: AttemptOutcome, attempts: number, now: Date): { state: WebhookDeliveryState; nextAttemptAt: Date | null } {
  if (answeredOk(outcome)) return { state: "delivered", nextAttemptAt: null };
  // 410 Gone: the receiver says the endpoint is no more; trying again will not help.
  const delay = "status" in outcome && outcome.status === 410 ? undefined : WEBHOOK_RETRY_DELAYS_MS[attempts - 1];
  if (delay === undefined) return { state: "failed", nextAttemptAt: null };
  return { state: "retrying", nextAttemptAt: new Date(now.getTime() + delay) };
}
