import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openPglite } from "./pglite-client";

// Every type drizzle keeps as text, and a few it leaves to PGlite, in one row.
const ROW = sql`select
  timestamp '2026-03-01 10:00:00' as "timestamp", timestamptz '2026-03-01 10:00:00+02' as "timestamptz",
  date '2026-03-01' as "date", interval '2 days 3 hours' as "interval",
  array[1.5, 2]::numeric[] as "numerics", array[timestamp '2026-03-01 10:00']::timestamp[] as "timestamps",
  array[timestamptz '2026-03-01 10:00+00']::timestamptz[] as "timestamptzs", array[interval '1 day'] as "intervals",
  array[date '2026-03-01'] as "dates", 42::int as "int", 1.25::numeric as "numeric", true as "bool", '{"a":1}'::jsonb as "json"`;

describe("the embedded database as drizzle sees it", () => {
  const plain = new PGlite();
  let lean: Awaited<ReturnType<typeof openPglite>>;
  beforeAll(async () => {
    lean = await openPglite();
  });
  afterAll(async () => {
    await plain.close();
    await lean.client.close();
  });

  it("gives the same rows as PGlite with drizzle's own parsers, in and outside a transaction", async () => {
    const expected = await drizzle({ client: plain }).execute(ROW);
    const db = drizzle({ client: lean.drizzleClient });
    expect((await db.execute(ROW)).rows).toEqual(expected.rows);
    expect(expected.rows[0]).toMatchObject({ timestamp: "2026-03-01 10:00:00", date: "2026-03-01", interval: "2 days 03:00:00", int: 42 });
    const inTransaction = await db.transaction(async (tx) => (await tx.execute(ROW)).rows);
    expect(inTransaction).toEqual(expected.rows);
  });

  it("sends drizzle's queries without their parsers, and keeps any other parser a query brings", async () => {
    const query = vi.spyOn(lean.client, "query");
    const db = drizzle({ client: lean.drizzleClient });
    await db.execute(sql`select 1 as one`);
    expect(query.mock.calls.at(-1)?.[2]?.parsers).toBeUndefined();
    // Inside a transaction, drizzle queries through the transaction's own handle.
    const sentInTransaction: unknown[] = [];
    const transaction = vi.spyOn(lean.client, "transaction");
    transaction.mockImplementation((run) =>
      PGlite.prototype.transaction.call(lean.client, (tx) =>
        run({ ...tx, query: (...args: Parameters<typeof tx.query>) => (sentInTransaction.push(args[2]?.parsers), tx.query(...args)) } as typeof tx),
      ),
    );
    await db.transaction(async (tx) => tx.execute(sql`select 1 as one`));
    expect(sentInTransaction).toEqual([undefined]);
    transaction.mockRestore();
    const own = { 23: (value: string) => `int ${value}` };
    const { rows } = await lean.drizzleClient.query<{ n: string }>("select 7 as n", [], { parsers: own });
    expect(rows).toEqual([{ n: "int 7" }]);
    query.mockRestore();
  });
});
