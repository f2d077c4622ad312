import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { openDb, queryRows, type DbHandle } from "./client";
import { findSession } from "./queries/sessions";
import { relay } from "./test-relay";

const { DATABASE_URL } = env();

// DATABASE_URL through a pooler in transaction mode, DATABASE_DIRECT_URL straight to PostgreSQL:
// a relay stands in for the pooler and counts who comes through it.
describe.skipIf(!DATABASE_URL)("a database behind a pooler", () => {
  let handle: DbHandle | undefined;
  let line: ReturnType<typeof relay> | undefined;
  afterEach(async () => {
    await handle?.close();
    await line?.stop();
  });

  async function throughPooler(direct: boolean) {
    line = relay(new URL(DATABASE_URL!));
    const pooled = line.url(await line.start());
    // One connection, so every statement below runs in the session that prepared the lookup.
    handle = await openDb({ databaseUrl: pooled, directUrl: direct ? DATABASE_URL : undefined, poolSize: 1 });
    return { handle, counted: line.counted };
  }

  it("migrates and listens straight on PostgreSQL; only queries go through the pooler", async () => {
    const { handle, counted } = await throughPooler(true);
    expect(counted.connections).toBe(0);
    const channel = `stave_test_${randomUUID().slice(0, 8)}`;
    const heard: string[] = [];
    const stop = await handle.listen(channel, (payload) => heard.push(payload));
    await handle.db.execute(sql`select pg_notify(${channel}, 'hello')`);
    await expect.poll(() => heard).toEqual(["hello"]);
    expect(counted.connections).toBe(1);
    await stop();
  });

  it("prepares the session lookup under no name behind a pooler, and under one without", async () => {
    const named = async ({ db }: DbHandle) =>
      (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from pg_prepared_statements where name = 'stave_find_session'`))[0]!.n;
    const behind = await throughPooler(true);
    expect(behind.handle.namedStatements).toBe(false);
    expect(await findSession(behind.handle, randomUUID())).toBeUndefined();
    expect(await named(behind.handle)).toBe(0);
    await behind.handle.close();
    await line!.stop();

    const direct = await throughPooler(false);
    expect(direct.handle.namedStatements).toBe(true);
    expect(await findSession(direct.handle, randomUUID())).toBeUndefined();
    expect(await named(direct.handle)).toBe(1);
  });
});
