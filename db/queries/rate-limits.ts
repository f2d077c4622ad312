import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "../client";
import { rateLimits } from "../schema";

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` in a fixed window and says whether it is within `limit`.
 * One statement, so instances sharing the database share the count.
 */
export async function consumeRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const db = await getDb();
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const result = await db.execute(sql`
    insert into ${rateLimits} (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      window_start = case when ${rateLimits.windowStart} <= now() - ${window} then now() else ${rateLimits.windowStart} end,
      count = case when ${rateLimits.windowStart} <= now() - ${window} then 1 else ${rateLimits.count} + 1 end
    returning count, extract(epoch from (window_start + ${window} - now()))::int as retry_after`);
  const row = (result as unknown as { rows: { count: number; retry_after: number }[] }).rows[0]!;
  return { allowed: Number(row.count) <= limit, retryAfterSeconds: Math.max(1, Number(row.retry_after)) };
}

/** Forgets the attempts counted against `key`, e.g. after a successful sign-in. */
export async function resetRateLimit(key: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`delete from ${rateLimits} where key = ${key}`);
}
