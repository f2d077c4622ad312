import "server-only";
import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import { afterFailure, type JobKind } from "@/lib/jobs";
import type { Db } from "../client";
import { withTransaction } from "../transaction";
import { jobs, type Job } from "../schema";

/** Every instance listens here: a job was queued, so one of them should look now rather than at its next poll. */
export const JOBS_CHANNEL = "stave_jobs";

/** How long a claimed job is an instance's own; past it, another instance takes it over (the first one stopped). */
export const JOB_LEASE_SECONDS = 5 * 60;

/** Where a job is written: the caller's context, whose organisation the job belongs to (null for none, e.g. account mail). */
export type JobCtx = { db: Db; organisationId: string | null };

export type NewJob = { kind: JobKind; payload: unknown; runAt?: Date };

/**
 * Queues a job in the caller's transaction (or one of its own), so it exists only if the change
 * that needs it commits, and wakes every instance once it does.
 */
export async function enqueueJob(ctx: JobCtx, job: NewJob): Promise<string> {
  return withTransaction(ctx, async (ctx) => {
    const [row] = await ctx.db
      .insert(jobs)
      .values({ kind: job.kind, payload: job.payload, organisationId: ctx.organisationId, runAt: job.runAt })
      .returning({ id: jobs.id });
    await ctx.db.execute(sql`select pg_notify(${JOBS_CHANNEL}, '')`);
    return row!.id;
  });
}

/** Which jobs to claim: a few at a time; `organisationId` keeps to one organisation's (tests that share a database with others). */
export type ClaimOptions = { limit?: number; organisationId?: string };

/**
 * Takes up to `limit` due jobs for this instance in one statement: queued ones whose time has come
 * and running ones whose lease ran out. `skip locked` lets instances claiming at the same moment
 * take different rows instead of waiting for each other or taking the same one.
 */
export async function claimDueJobs(db: Db, { limit = 10, organisationId }: ClaimOptions = {}): Promise<Job[]> {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        or(and(eq(jobs.state, "queued"), lte(jobs.runAt, sql`now()`)), and(eq(jobs.state, "running"), lt(jobs.leaseUntil, sql`now()`))),
        organisationId ? eq(jobs.organisationId, organisationId) : undefined,
      ),
    )
    .orderBy(asc(jobs.runAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(jobs)
    .set({
      state: "running",
      attempts: sql`${jobs.attempts} + 1`,
      leaseUntil: sql`now() + make_interval(secs => ${JOB_LEASE_SECONDS})`,
    })
    .where(inArray(jobs.id, due))
    .returning();
}

/**
 * The claim is still this instance's: the job is running at the attempt it claimed. A job whose
 * lease ran out and was taken over is left to the instance that has it now.
 */
const stillClaimed = (job: Pick<Job, "id" | "attempts">) => and(eq(jobs.id, job.id), eq(jobs.state, "running"), eq(jobs.attempts, job.attempts));

/** Marks a claimed job done, with what its handler said it did. */
export async function finishJob(db: Db, job: Pick<Job, "id" | "attempts">, outcome: string | null): Promise<void> {
  await db
    .update(jobs)
    .set({ state: "done", outcome, leaseUntil: null, finishedAt: sql`now()` })
    .where(stillClaimed(job));
}

/** Records a claimed job's failed attempt: tried again after a growing wait, or failed for good (see `afterFailure`). */
export async function failJob(db: Db, job: Pick<Job, "id" | "attempts">, error: string, { permanent = false, now = new Date() } = {}): Promise<void> {
  const next = afterFailure(job.attempts, now, permanent);
  await db
    .update(jobs)
    .set(
      next.state === "queued"
        ? { state: "queued", runAt: next.runAt, lastError: error, leaseUntil: null }
        : { state: "failed", lastError: error, leaseUntil: null, finishedAt: sql`now()` },
    )
    .where(stillClaimed(job));
}

/** A handler's verdict when it cannot do the job and trying again would not help (a refused address). */
export class PermanentJobError extends Error {}

/** What a handler of one kind does; it may return a note of what it did, kept as the job's outcome. */
export type JobHandlers = Record<JobKind, (payload: unknown) => Promise<string | null | void>>;

/**
 * Runs every due job once, claiming a few at a time, until none is left; returns how many ran.
 * Handlers run outside any transaction (a mail server may be slow); a job's claim is its lease.
 */
export async function runDueJobs(db: Db, handlers: JobHandlers, options: ClaimOptions = {}): Promise<number> {
  let ran = 0;
  for (;;) {
    const claimed = await claimDueJobs(db, options);
    if (claimed.length === 0) return ran;
    for (const job of claimed) {
      ran++;
      try {
        const outcome = await handlers[job.kind](job.payload);
        await finishJob(db, job, outcome ?? null);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await failJob(db, job, message.slice(0, 1000), { permanent: error instanceof PermanentJobError });
      }
    }
  }
}
