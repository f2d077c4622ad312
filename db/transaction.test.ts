import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "./client";
import { createTeam } from "./queries/teams";
import { auditEvents, teams } from "./schema";
import { drivers, settlesWithin, useTestDatabase } from "./test-db";
import { isTransaction, withTransaction } from "./transaction";

describe.each(drivers)("withTransaction on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  const teamNamed = (organisationId: string, name: string) =>
    t.handle.db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.organisationId, organisationId), eq(teams.name, name)));

  it("hands a nested call the outer transaction, which sees what the outer one wrote before it commits", async () => {
    const org = await t.organisation();
    const seen = await settlesWithin(
      10_000,
      withTransaction(t.ctx(org), async (outer) => {
        expect(isTransaction(outer.db)).toBe(true);
        await createTeam(outer, "Written first");
        return withTransaction(outer, async (inner) => {
          expect(inner.db).toBe(outer.db);
          expect(inner.organisationId).toBe(org);
          const [row] = await queryRows<{ n: number }>(
            inner.db,
            sql`select count(*)::int as n from ${teams} where organisation_id = ${org} and name = 'Written first'`,
          );
          return Number(row!.n);
        });
      }),
    );
    expect(seen).toBe(1);
    expect(await teamNamed(org, "Written first")).toHaveLength(1);
  });

  it("runs a data function called inside a transaction in that transaction, so a later failure takes its write back", async () => {
    const org = await t.organisation();
    const failure = new Error("something later failed");
    const outcome = await settlesWithin(
      10_000,
      withTransaction(t.ctx(org), async (ctx) => {
        // createTeam opens its own transaction when called on its own: here it joins this one.
        await createTeam(ctx, "Rolled back");
        await withTransaction(ctx, async (ctx) => {
          await createTeam(ctx, "Rolled back too");
          throw failure;
        });
      }).catch((error: unknown) => error),
    );
    expect(outcome).toBe(failure);
    expect(await teamNamed(org, "Rolled back")).toHaveLength(0);
    expect(await teamNamed(org, "Rolled back too")).toHaveLength(0);
    // The audit rows written with the teams went with them.
    expect(await t.handle.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.organisationId, org))).toHaveLength(0);
  });

  it("commits a nested call's writes with the outer transaction, not before", async () => {
    const org = await t.organisation();
    await withTransaction(t.ctx(org), async (ctx) => {
      await withTransaction(ctx, (ctx) => createTeam(ctx, "Kept"));
    });
    expect(await teamNamed(org, "Kept")).toHaveLength(1);
  });

  it("takes any holder of a database handle, such as a write that comes before any organisation", async () => {
    const inside = await withTransaction({ db: t.handle.db }, async ({ db }) => isTransaction(db));
    expect(inside).toBe(true);
    expect(isTransaction(t.handle.db)).toBe(false);
  });
});
