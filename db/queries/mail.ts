import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { notFoundError } from "@/lib/errors";
import type { MailMessage } from "@/lib/mail/message";
import type { Ctx } from "../context";
import { jobs } from "../schema";
import { requirePermission } from "./access";
import { enqueueJob, type JobCtx } from "./jobs";

/** How many of the latest mails the outbox lists. */
export const OUTBOX_LIMIT = 100;

/**
 * Queues a mail, in the caller's transaction: it goes out (once, from whichever instance claims it)
 * only if that transaction commits. Mail of an organisation is listed in its outbox for its owners
 * and admins; mail of no organisation (an account's own, such as a password reset) is listed nowhere.
 */
export function queueMail(ctx: JobCtx, message: MailMessage): Promise<string> {
  return enqueueJob(ctx, { kind: "mail", payload: message });
}

const outboxColumns = {
  id: jobs.id,
  to: sql<string>`${jobs.payload}->>'to'`,
  subject: sql<string>`${jobs.payload}->>'subject'`,
  state: jobs.state,
  attempts: jobs.attempts,
  runAt: jobs.runAt,
  lastError: jobs.lastError,
  outcome: jobs.outcome,
  createdAt: jobs.createdAt,
  finishedAt: jobs.finishedAt,
};

/** The organisation's latest mails, newest first, with whether each went out. */
export async function listOutbox(ctx: Ctx) {
  requirePermission(ctx, "mail.read");
  return ctx.db
    .select(outboxColumns)
    .from(jobs)
    .where(and(eq(jobs.organisationId, ctx.organisationId), eq(jobs.kind, "mail")))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(OUTBOX_LIMIT);
}

/** One mail of the organisation with its text; another organisation's (or none's) is not found. */
export async function getOutboxMail(ctx: Ctx, id: string) {
  requirePermission(ctx, "mail.read");
  const [row] = await ctx.db
    .select({ ...outboxColumns, text: sql<string>`${jobs.payload}->>'text'` })
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.organisationId, ctx.organisationId), eq(jobs.kind, "mail")));
  if (!row) throw notFoundError("The mail");
  return row;
}
