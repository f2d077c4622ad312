import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { JOB_KINDS, JOB_STATES } from "@/lib/jobs";
import { oneOf } from "./checks";
import { organisations } from "./organisations";

/**
 * Work that must happen once across every instance sharing the database (sending a mail): written
 * in the transaction of the change that needs it, claimed by one instance at a time.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text({ enum: JOB_KINDS }).notNull(),
    payload: jsonb().$type<unknown>().notNull(),
    /** The organisation the job is for, when it is for one (its admins see it); null for account mail such as a password reset. */
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    state: text({ enum: JOB_STATES }).notNull().default("queued"),
    /** When it is due (the next try, after a failure). */
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    /** While running: when another instance may take it over (the one that claimed it stopped). */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    /** What the handler said it did, e.g. that a mail was kept because no SMTP server is configured. */
    outcome: text(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("jobs_due_idx").on(t.state, t.runAt),
    index("jobs_organisation_idx").on(t.organisationId, t.createdAt),
    check("jobs_kind_check", oneOf(t.kind, JOB_KINDS)),
    check("jobs_state_check", oneOf(t.state, JOB_STATES)),
    check("jobs_attempts_check", sql`${t.attempts} >= 0`),
  ],
);

export type Job = typeof jobs.$inferSelect;
