import "server-only";
import { sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { rateLimitDecision, type RateLimitDecision } from "@/lib/rate-limit-window";
import { queryRows, type Db } from "../client";
import { rateLimits } from "../schema";
import { asNumber } from "../driver-values";

// Limits count attempts by someone not yet signed in (an address, an account name) or by an API
// token: keys name what they count, and no organisation scopes them.

export type RateLimitResult = RateLimitDecision;

type WindowRow = { count: number | string; elapsed: number | string };

const verdict = (row: WindowRow, count: number, limit: number, windowSeconds: number) =>
  rateLimitDecision({ count, elapsedSeconds: asNumber(row.elapsed), limit, windowSeconds });

/**
 * Counts one attempt against `key` in a fixed window and says whether it is within `limit`.
 * One statement, so instances sharing the database share the count.
 */
export async function consumeRateLimit(db: Db, key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const [row] = await queryRows<WindowRow>(
    db,
    sql`
    insert into ${rateLimits} (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      window_start = case when ${rateLimits.windowStart} <= now() - ${window} then now() else ${rateLimits.windowStart} end,
      count = case when ${rateLimits.windowStart} <= now() - ${window} then 1 else ${rateLimits.count} + 1 end
    returning count, extract(epoch from (now() - window_start))::float8 as elapsed`,
  );
  return verdict(row!, asNumber(row!.count), limit, windowSeconds);
}

export type RateLimit = { key: string; limit: number; windowSeconds: number };

/**
 * Counts one attempt against every limit at once (an account and an address, say) and refuses with
 * `refusal` — told in how many whole minutes the last exhausted window ends — when any is used up.
 */
export async function consumeRateLimits(db: Db, limits: RateLimit[], refusal: (minutes: number) => string): Promise<void> {
  const results = await Promise.all(limits.map((l) => consumeRateLimit(db, l.key, l.limit, l.windowSeconds)));
  const refused = results.filter((r) => !r.allowed);
  if (refused.length === 0) return;
  const minutes = Math.ceil(Math.max(...refused.map((r) => r.retryAfterSeconds)) / 60);
  throw new AppError("rate_limited", refusal(minutes));
}

/** Forgets the attempts counted against `key`, e.g. after a successful sign-in. */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from ${rateLimits} where key = ${key}`);
}

/** Whether one more attempt against `key` would be within `limit` in its current window, without counting it. */
export async function peekRateLimit(db: Db, key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const [row] = await queryRows<WindowRow>(
    db,
    sql`select count, extract(epoch from (now() - window_start))::float8 as elapsed from ${rateLimits}
    where key = ${key} and window_start > now() - ${window}`,
  );
  if (!row) return { allowed: true, remaining: limit - 1, retryAfterSeconds: 0 };
  return verdict(row, asNumber(row.count) + 1, limit, windowSeconds);
}
