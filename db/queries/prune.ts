import "server-only";
import { and, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { jobs, sentNotices, webhookDeliveries } from "../schema";

// What the background work leaves behind is kept as long as someone may look at it, then removed
// by the hourly sweep, so the tables stay the size of their use rather than of Stave's age.

/** Days a finished job (a mail sent or failed, a webhook attempt) stays on the outbox pages. */
export const FINISHED_JOBS_KEPT_DAYS = 30;
/** Days a webhook delivery stays in its endpoint's log (and can be sent again). */
export const DELIVERIES_KEPT_DAYS = 90;
/** Days a reminder's key is kept: far past the week in which the same reminder could be found again. */
export const NOTICES_KEPT_DAYS = 90;

const olderThan = (days: number, now: Date) => sql`${now.toISOString()}::timestamptz - make_interval(days => ${days})`;

/** Removes finished jobs, webhook deliveries and reminder keys past their keeping; returns how many of each. */
export async function pruneFinishedWork(db: Db, now = new Date()): Promise<{ jobs: number; deliveries: number; notices: number }> {
  const removedJobs = await db
    .delete(jobs)
    .where(and(inArray(jobs.state, ["done", "failed"]), lt(jobs.finishedAt, olderThan(FINISHED_JOBS_KEPT_DAYS, now))))
    .returning({ id: jobs.id });
  const removedDeliveries = await db
    .delete(webhookDeliveries)
    .where(and(inArray(webhookDeliveries.state, ["delivered", "failed"]), lt(webhookDeliveries.createdAt, olderThan(DELIVERIES_KEPT_DAYS, now))))
    .returning({ id: webhookDeliveries.id });
  const removedNotices = await db
    .delete(sentNotices)
    .where(lt(sentNotices.createdAt, olderThan(NOTICES_KEPT_DAYS, now)))
    .returning({ key: sentNotices.key });
  return { jobs: removedJobs.length, deliveries: removedDeliveries.length, notices: removedNotices.length };
}
