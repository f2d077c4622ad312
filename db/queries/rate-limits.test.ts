import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, onTestFinished } from "vitest";
import { rateLimits } from "../schema";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { consumeRateLimit, consumeRateLimits, resetRateLimit } from "./rate-limits";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(drivers)("rate limits on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  /** A key no other test (or earlier run on a shared PostgreSQL) has used; forgotten again afterwards. */
  function freshKey(label = "test") {
    const key = `${label}:${randomUUID()}`;
    onTestFinished(() => resetRateLimit(t.handle.db, key));
    return key;
  }

  async function consume(key: string, times: number, limit: number, windowSeconds: number) {
    const results = [];
    for (let i = 0; i < times; i++) results.push(await consumeRateLimit(t.handle.db, key, limit, windowSeconds));
    return results;
  }

  it("allows up to the limit in a window, then refuses with the time left in the window", async () => {
    const key = freshKey();

    const results = await consume(key, 5, 3, 60);

    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    for (const { retryAfterSeconds } of results.slice(3)) {
      expect(Number.isInteger(retryAfterSeconds)).toBe(true);
      expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(retryAfterSeconds).toBeLessThanOrEqual(60);
    }
  });

  it("counts every key on its own", async () => {
    const exhausted = freshKey("sign-in");
    const other = freshKey("sign-in");
    await consume(exhausted, 2, 2, 60);

    expect((await consumeRateLimit(t.handle.db, exhausted, 2, 60)).allowed).toBe(false);
    expect(await consume(other, 2, 2, 60)).toEqual([
      { allowed: true, remaining: 1, retryAfterSeconds: expect.any(Number) },
      { allowed: true, remaining: 0, retryAfterSeconds: expect.any(Number) },
    ]);
    expect((await consumeRateLimit(t.handle.db, other, 2, 60)).allowed).toBe(false);
  });

  it("starts afresh after resetRateLimit, with the whole limit available again", async () => {
    const key = freshKey();
    await consume(key, 3, 2, 60);
    expect((await consumeRateLimit(t.handle.db, key, 2, 60)).allowed).toBe(false);

    await resetRateLimit(t.handle.db, key);

    expect(await t.handle.db.select().from(rateLimits).where(eq(rateLimits.key, key))).toEqual([]);
    expect((await consume(key, 3, 2, 60)).map((r) => r.allowed)).toEqual([true, true, false]);
  });

  it("resets a key that was never used without complaint", async () => {
    await expect(resetRateLimit(t.handle.db, freshKey())).resolves.toBeUndefined();
  });

  it("starts a new window once the current one has expired", async () => {
    const key = freshKey();
    expect((await consumeRateLimit(t.handle.db, key, 1, 1)).allowed).toBe(true);
    const refused = await consumeRateLimit(t.handle.db, key, 1, 1);
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });

    await sleep(1_100);

    expect((await consumeRateLimit(t.handle.db, key, 1, 1)).allowed).toBe(true);
    expect((await consumeRateLimit(t.handle.db, key, 1, 1)).allowed).toBe(false);
  });

  it("shares one count between attempts made at the same time", async () => {
    const key = freshKey();

    const results = await Promise.all(Array.from({ length: 8 }, () => consumeRateLimit(t.handle.db, key, 5, 60)));

    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    const [row] = await t.handle.db.select({ count: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, key));
    expect(row).toEqual({ count: 8 });
  });

  it("refuses once any of several limits is used up, saying the minutes left in the longest exhausted window", async () => {
    const address = freshKey("reset:ip");
    const account = freshKey("reset:account");
    const limits = [
      { key: account, limit: 1, windowSeconds: 3600 },
      { key: address, limit: 5, windowSeconds: 600 },
    ];
    await consumeRateLimits(t.handle.db, limits, (minutes) => `wait ${minutes}`);
    const refused = await expectAppError(
      consumeRateLimits(t.handle.db, limits, (minutes) => `wait ${minutes}`),
      "rate_limited",
    );
    expect(refused.message).toBe("wait 60");
    // The other limit still counted the refused attempt.
    const [row] = await t.handle.db.select({ count: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, address));
    expect(row).toEqual({ count: 2 });
  });
});
