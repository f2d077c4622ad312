import { sql } from "drizzle-orm";
import { check, date, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { EVIDENCE_ITEMS_MAX } from "@/lib/evidence/items";
import { LOWERING_RULES, STALE_EVIDENCE_RULES } from "@/lib/evidence/stale-rule";
import { assessments } from "./assessments";
import { users } from "./auth";
import { oneOf } from "./checks";
import { organisations } from "./organisations";

/**
 * How long evidence holds in an organisation when a question does not say (owners and admins set it;
 * no row: twelve months), and what stale evidence does to scores (lib/evidence/lapses.ts).
 */
export const organisationEvidence = pgTable(
  "organisation_evidence",
  {
    organisationId: uuid("organisation_id")
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** An ISO 8601 duration (lib/evidence/validity.ts). */
    validFor: text("valid_for").notNull(),
    staleCounts: text("stale_counts", { enum: STALE_EVIDENCE_RULES }).notNull().default("as_answered"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("organisation_evidence_valid_for_check", sql`${t.validFor} ~ '^P[0-9YMWD]+$'`),
    check("organisation_evidence_stale_counts_check", oneOf(t.staleCounts, STALE_EVIDENCE_RULES)),
  ],
);

/**
 * The evidence behind one team answer: links or short texts, the day it took effect and how long it
 * holds. Kept by question rather than by answer row, so it stays while the team answer follows its
 * respondents. `expires_on` is stored (effective day + validity, computed where it is written) so
 * what lapses when is one indexed query.
 */
export const answerEvidence = pgTable(
  "answer_evidence",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    items: jsonb().$type<string[]>().notNull(),
    effectiveOn: date("effective_on", { mode: "string" }).notNull(),
    validFor: text("valid_for").notNull(),
    expiresOn: date("expires_on", { mode: "string" }).notNull(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("answer_evidence_assessment_question_key").on(t.assessmentId, t.questionId),
    index("answer_evidence_expiry_idx").on(t.organisationId, t.expiresOn),
    check(
      "answer_evidence_items_check",
      sql`jsonb_typeof(${t.items}) = 'array' and jsonb_array_length(${t.items}) between 1 and ${sql.raw(String(EVIDENCE_ITEMS_MAX))}`,
    ),
    check("answer_evidence_valid_for_check", sql`${t.validFor} ~ '^P[0-9YMWD]+$'`),
    check("answer_evidence_expiry_check", sql`${t.expiresOn} > ${t.effectiveOn}`),
  ],
);

export type AnswerEvidence = typeof answerEvidence.$inferSelect;

/**
 * An answer of a submitted assessment counted lower in its stored scores because its evidence
 * lapsed, under the organisation's rule at the time. Written when the assessment is submitted with
 * stale evidence, or when its evidence lapses while it is the team's current assessment; kept so the
 * stored score stays explainable and is computed again the same way.
 */
export const evidenceLapses = pgTable(
  "evidence_lapses",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    expiredOn: date("expired_on", { mode: "string" }).notNull(),
    counted: text({ enum: LOWERING_RULES }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.questionId] }), check("evidence_lapses_counted_check", oneOf(t.counted, LOWERING_RULES))],
);
