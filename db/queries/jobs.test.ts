import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { JOB_MAX_ATTEMPTS } from "@/lib/jobs";
import { openDb } from "../client";
import { jobs } from "../schema";
import { drivers, useTestDatabase } from "../test-db";
import { withTransaction } from "../transaction";
import { claimDueJobs, enqueueJob, failJob, finishJob, JOBS_CHANNEL, PermanentJobError, runDueJobs, type JobHandlers } from "./jobs";

/** These tests queue mail only. */
const otherKinds = { webhook: async () => undefined };

type Payload = { n: number };

describe.each(drivers)("jobs on %s", (driver, open) => {
  const t = useTestDatabase(open);

  const jobCtx = async () => ({ db: t.handle.db, organisationId: await t.organisation("Jobs") });
  // A shared PostgreSQL may hold other tests' jobs at the same time: each test runs only its own.
  const jobOf = async (id: string) => (await t.handle.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
  /** Makes the job due now, as if its wait had passed. */
  const makeDue = (id: string) =>
    t.handle.db
      .update(jobs)
      .set({ runAt: sql`now()` })
      .where(eq(jobs.id, id));
  it("queues a job only if the change that needs it commits", async () => {
    const ctx = await jobCtx();
    await expect(
      withTransaction(ctx, async (ctx) => {
        await enqueueJob(ctx, { kind: "mail", payload: { n: 1 } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await t.handle.db.select().from(jobs).where(eq(jobs.organisationId, ctx.organisationId))).toEqual([]);
  });

  it("wakes listeners when a job is queued", async () => {
    const heard: string[] = [];
    const stop = await t.handle.listen(JOBS_CHANNEL, (payload) => heard.push(payload));
    try {
      await enqueueJob(await jobCtx(), { kind: "mail", payload: { n: 2 }, runAt: new Date(Date.now() + 3_600_000) });
      await expect.poll(() => heard.length).toBeGreaterThan(0);
    } finally {
      await stop();
    }
  });

  it("runs a due job once and keeps what its handler said", async () => {
    const ctx = await jobCtx();
    const id = await enqueueJob(ctx, { kind: "mail", payload: { n: 3 } });
    let runs = 0;
    const handlers: JobHandlers = { ...otherKinds, mail: async () => (runs++, "sent") };
    await runDueJobs(t.handle.db, handlers, ctx);
    await runDueJobs(t.handle.db, handlers, ctx);
    const job = await jobOf(id);
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(job).toMatchObject({ state: "done", attempts: 1, outcome: "sent", lastError: null, leaseUntil: null });
    expect(job.finishedAt).toBeInstanceOf(Date);
  });

  it("tries a failing job again after a growing wait, and marks it failed after the last attempt", async () => {
    const ctx = await jobCtx();
    const id = await enqueueJob(ctx, { kind: "mail", payload: { n: 4 } });
    const failing: JobHandlers = {
      ...otherKinds,
      mail: async () => {
        throw new Error("Connection refused");
      },
    };
    const before = Date.now();
    await runDueJobs(t.handle.db, failing, ctx);
    const first = await jobOf(id);
    expect(first).toMatchObject({ state: "queued", attempts: 1, lastError: "Connection refused" });
    const waitMinutes = (first.runAt.getTime() - before) / 60_000;
    expect(waitMinutes).toBeGreaterThan(0.9);
    expect(waitMinutes).toBeLessThan(1.5);
    // Not due yet: nothing runs it again before its time.
    await runDueJobs(t.handle.db, failing, ctx);
    expect((await jobOf(id)).attempts).toBe(1);

    for (let attempt = 2; attempt <= JOB_MAX_ATTEMPTS; attempt++) {
      await makeDue(id);
      await runDueJobs(t.handle.db, failing, ctx);
    }
    const last = await jobOf(id);
    expect(last).toMatchObject({ state: "failed", attempts: JOB_MAX_ATTEMPTS, lastError: "Connection refused" });
    expect(last.finishedAt).toBeInstanceOf(Date);
  });

  it("does not retry a permanent failure", async () => {
    const ctx = await jobCtx();
    const id = await enqueueJob(ctx, { kind: "mail", payload: { n: 5 } });
    await runDueJobs(
      t.handle.db,
      {
        ...otherKinds,
        mail: async () => {
          throw new PermanentJobError("550 No such user here");
        },
      },
      ctx,
    );
    expect(await jobOf(id)).toMatchObject({ state: "failed", attempts: 1, lastError: "550 No such user here" });
  });

  it("lets another instance take over a job whose lease ran out, and ignores the first instance's late verdict", async () => {
    const ctx = await jobCtx();
    const id = await enqueueJob(ctx, { kind: "mail", payload: { n: 6 } });
    const mine = { limit: 100, organisationId: ctx.organisationId };
    const [stale] = (await claimDueJobs(t.handle.db, mine)).filter((j) => j.id === id);
    expect(stale).toMatchObject({ state: "running", attempts: 1 });
    // Claimed and still leased: nobody else takes it.
    expect((await claimDueJobs(t.handle.db, mine)).map((j) => j.id)).not.toContain(id);

    await t.handle.db
      .update(jobs)
      .set({ leaseUntil: sql`now() - interval '1 second'` })
      .where(eq(jobs.id, id));
    const [taken] = (await claimDueJobs(t.handle.db, mine)).filter((j) => j.id === id);
    expect(taken).toMatchObject({ state: "running", attempts: 2 });

    await failJob(t.handle.db, stale!, "too late");
    await finishJob(t.handle.db, taken!, "sent");
    expect(await jobOf(id)).toMatchObject({ state: "done", attempts: 2, outcome: "sent", lastError: null });
  });

  it("runs each job once when two runners claim at the same time", { timeout: 60_000 }, async () => {
    const ctx = await jobCtx();
    const ids: string[] = [];
    for (let n = 0; n < 30; n++) ids.push(await enqueueJob(ctx, { kind: "mail", payload: { n: 1000 + n } }));
    const runs = new Map<number, number>();
    const handlers: JobHandlers = {
      ...otherKinds,
      mail: async (payload) => {
        const { n } = payload as Payload;
        runs.set(n, (runs.get(n) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    };
    // On PostgreSQL the second runner is another instance: its own pool of connections.
    const other = driver === "postgres" ? await openDb({ databaseUrl: env().DATABASE_URL!, poolSize: 4 }) : t.handle;
    try {
      await Promise.all([runDueJobs(t.handle.db, handlers, ctx), runDueJobs(other.db, handlers, ctx), runDueJobs(t.handle.db, handlers, ctx)]);
    } finally {
      if (other !== t.handle) await other.close();
    }
    const mine = await t.handle.db.select().from(jobs).where(eq(jobs.organisationId, ctx.organisationId));
    expect(mine.map((j) => j.state)).toEqual(Array(30).fill("done"));
    expect(mine.map((j) => j.attempts)).toEqual(Array(30).fill(1));
    for (let n = 0; n < 30; n++) expect(runs.get(1000 + n)).toBe(1);
  });
});
