export type RateLimitDecision = {
  allowed: boolean;
  /** Requests left in the current window after this one. */
  remaining: number;
  /** Whole seconds until the window ends (at least 1): what `Retry-After` says. */
  retryAfterSeconds: number;
};

/**
 * A fixed window's verdict on one request: `count` is how many the window has seen including this
 * one, `elapsedSeconds` how long ago the window began. Rounded up, so a client that waits as told
 * never arrives a fraction of a second early.
 */
export function rateLimitDecision({
  count,
  elapsedSeconds,
  limit,
  windowSeconds,
}: {
  count: number;
  elapsedSeconds: number;
  limit: number;
  windowSeconds: number;
}): RateLimitDecision {
  const left = Math.min(windowSeconds, Math.max(0, windowSeconds - elapsedSeconds));
  return {
    allowed: count <= limit,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil(left)),
  };
}
