import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as ready } from "@/app/api/ready/route";
import { GET as health } from "@/app/api/health/route";
import { openDb, useDbHandle, type DbHandle } from "@/db/client";
import { relay } from "@/db/test-relay";
import { env } from "@/lib/env";

const { DATABASE_URL } = env();
const noParams = { params: Promise.resolve({}) };
const call = async (handler: typeof ready) => {
  const response = await handler(new Request("http://localhost/api/x"), noParams);
  return { status: response.status, body: await response.json() };
};

describe("liveness and readiness", () => {
  let handle: DbHandle;
  let cut: () => Promise<void>;
  let restore: () => Promise<void> = async () => {};

  beforeAll(async () => {
    if (DATABASE_URL) {
      // PostgreSQL, reached through a relay the test can cut.
      const line = relay(new URL(DATABASE_URL));
      const port = await line.start();
      handle = await openDb({ databaseUrl: line.url(port), poolSize: 2 });
      cut = line.stop;
      restore = async () => void (await line.start(port));
    } else {
      handle = await openDb({ memory: true });
      cut = () => handle.close();
    }
    useDbHandle(handle);
  });

  afterAll(async () => {
    await handle.close().catch(() => undefined);
    if (DATABASE_URL) await cut();
  });

  // Ready is polled: on a busy machine one check may take longer than the 2 s a check is given.
  const eventually = (expected: unknown) => expect.poll(() => call(ready), { timeout: 15_000, interval: 200 }).toEqual(expected);

  it("is ready while the database answers, and unavailable (503) once it is gone, while liveness stays 200", { timeout: 40_000 }, async () => {
    await eventually({ status: 200, body: { status: "ready", driver: handle.driver } });
    expect(await call(health)).toEqual({ status: 200, body: { status: "ok" } });

    await cut();

    expect(await call(ready)).toEqual({ status: 503, body: { status: "unavailable" } });
    expect(await call(health)).toEqual({ status: 200, body: { status: "ok" } });

    // PostgreSQL comes back (the embedded database, closed, does not): ready again, with no restart.
    if (!DATABASE_URL) return;
    await restore();
    await eventually({ status: 200, body: { status: "ready", driver: "postgres" } });
  });
});
