/** The kinds of background job Stave runs; each has one handler. */
export const JOB_KINDS = ["mail", "webhook"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** queued: waiting for its time; running: claimed by an instance under a lease; done; failed: gave up. */
export const JOB_STATES = ["queued", "running", "done", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A job is tried this many times at most before it is marked failed. */
export const JOB_MAX_ATTEMPTS = 5;

// The waits after the 1st, 2nd, 3rd and 4th failed attempt: a short outage passes within minutes,
// a long one is not hammered.
const RETRY_DELAYS_MINUTES = [1, 5, 30, 120];

/** What becomes of a job whose attempt number `attempts` (counting from 1) failed. */
export type AfterFailure = { state: "queued"; runAt: Date } | { state: "failed" };

/**
 * After a failed attempt: tried again later with a growing wait, or given up once `JOB_MAX_ATTEMPTS`
 * attempts have failed. `permanent` failures (the server refused the message itself) are never retried.
 */
export function afterFailure(attempts: number, now: Date, permanent = false): AfterFailure {
  if (permanent || attempts >= JOB_MAX_ATTEMPTS) return { state: "failed" };
  const minutes = RETRY_DELAYS_MINUTES[Math.max(0, Math.min(attempts, RETRY_DELAYS_MINUTES.length) - 1)]!;
  return { state: "queued", runAt: new Date(now.getTime() + minutes * 60_000) };
}
