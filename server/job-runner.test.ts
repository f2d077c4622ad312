import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { enqueueJob, type JobHandlers } from "@/db/queries/jobs";
import { jobs } from "@/db/schema";
import { openDb } from "@/db/client";
import { useTestDatabase } from "@/db/test-db";
import { startJobRunner } from "./job-runner";

// On a database of its own: a runner claims every due job, and a shared PostgreSQL holds other tests' jobs.
describe("the job runner", () => {
  const t = useTestDatabase(() => openDb({ memory: true }));

  it("runs a job as soon as it is queued, without waiting for its poll", async () => {
    const sent: unknown[] = [];
    const handlers: JobHandlers = { mail: async (payload) => (sent.push(payload), "sent"), webhook: async () => undefined };
    const runner = await startJobRunner(t.handle, handlers, 3_600_000);
    try {
      const id = await enqueueJob({ db: t.handle.db, organisationId: await t.organisation() }, { kind: "mail", payload: { to: "a@example.com" } });
      await expect.poll(async () => (await t.handle.db.select({ state: jobs.state }).from(jobs).where(eq(jobs.id, id)))[0]?.state).toBe("done");
      expect(sent).toContainEqual({ to: "a@example.com" });
    } finally {
      await runner.stop();
    }
  });

  it("keeps running after a pass fails", async () => {
    let calls = 0;
    const connectionLost = () => {
      throw new Error("connection lost");
    };
    const broken = {
      ...t.handle,
      db: new Proxy(t.handle.db, {
        get: (target, key, receiver) => (key === "update" && calls++ === 0 ? connectionLost : Reflect.get(target, key, receiver)),
      }),
    };
    const handlers: JobHandlers = { mail: async () => "sent", webhook: async () => undefined };
    const runner = await startJobRunner(broken, handlers, 3_600_000);
    try {
      const id = await enqueueJob({ db: t.handle.db, organisationId: await t.organisation() }, { kind: "mail", payload: {} });
      runner.wake();
      await expect.poll(async () => (await t.handle.db.select({ state: jobs.state }).from(jobs).where(eq(jobs.id, id)))[0]?.state).toBe("done");
      expect(calls).toBeGreaterThan(1);
    } finally {
      await runner.stop();
    }
  });

  it("says a failed attempt in the log and leaves the job to be tried again", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const handlers: JobHandlers = {
      webhook: async () => undefined,
      mail: async () => {
        throw new Error("Could not send through the mail server: connect ECONNREFUSED");
      },
    };
    const runner = await startJobRunner(t.handle, handlers, 3_600_000);
    try {
      const id = await enqueueJob({ db: t.handle.db, organisationId: await t.organisation() }, { kind: "mail", payload: {} });
      await expect.poll(async () => (await t.handle.db.select().from(jobs).where(eq(jobs.id, id)))[0]).toMatchObject({ state: "queued", attempts: 1 });
      expect(warn).toHaveBeenCalledWith("A mail job failed: Could not send through the mail server: connect ECONNREFUSED");
    } finally {
      await runner.stop();
      warn.mockRestore();
    }
  });
});
