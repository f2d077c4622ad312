import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { rateLimits } from "../schema";
import { asNumber } from "../driver-values";

// Limits count attempts by someone not yet signed in (an address, an account name): no organisation to scope by.

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` in a fixed window and says whether it is within `limit`.
 * One statement, so instances sharing the database share the count.
 */
export async function consumeRateLimit(db: Db, key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const [row] = await queryRows<{ count: number; retry_after: number }>(
    db,
    sql`
    insert into ${rateLimits} (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      window_start = case when ${rateLimits.windowStart} <= now() - ${window} then now() else ${rateLimits.windowStart} end,
      count = case when ${rateLimits.windowStart} <= now() - ${window} then 1 else ${rateLimits.count} + 1 end
    returning count, extract(epoch from (window_start + ${window} - now()))::int as retry_after`,
  );
  return { allowed: asNumber(row!.count) <= limit, retryAfterSeconds: Math.max(1, asNumber(row!.retry_after)) };
}

/** Forgets the attempts counted against `key`, e.g. after a successful sign-in. */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from ${rateLimits} where key = ${key}`);
}

/** Whether `key` is still within `limit` in its current window, without counting an attempt. */
export async function peekRateLimit(db: Db, key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const [row] = await queryRows<{ count: number; retry_after: number }>(
    db,
    sql`select count, extract(epoch from (window_start + ${window} - now()))::int as retry_after from ${rateLimits}
    where key = ${key} and window_start > now() - ${window}`,
  );
  if (!row) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: asNumber(row.count) < limit, retryAfterSeconds: Math.max(1, asNumber(row.retry_after)) };
}
