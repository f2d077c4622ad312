import "server-only";
import type { Db } from "@/db/client";
import { consumeRateLimit } from "@/db/queries/rate-limits";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const WINDOW_SECONDS = 60;

/**
 * Counts one API request against `key` (a token, a signed event source), in the database so every
 * instance shares the count; past the limit a minute, refused (429) with when to try again.
 */
export async function requireApiRequestAllowed(db: Db, key: string, who: string): Promise<void> {
  const limit = env().STAVE_API_RATE_LIMIT;
  const verdict = await consumeRateLimit(db, key, limit, WINDOW_SECONDS);
  if (!verdict.allowed) {
    throw new AppError(
      "rate_limited",
      `${who} has made more than ${limit} requests in a minute. Try again in ${verdict.retryAfterSeconds} second${verdict.retryAfterSeconds === 1 ? "" : "s"}.`,
      undefined,
      verdict.retryAfterSeconds,
    );
  }
}
