import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, check, index, integer, jsonb, primaryKey, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ANSWER_KINDS } from "@/lib/answer";
import { CADENCES, DEFAULT_CADENCE } from "@/lib/cadence";
import { CARRIED_STATES } from "@/lib/carry";
import type { Model } from "@/lib/model/schema";
import { RESPONDENT_MODES } from "@/lib/respondents";
import { users } from "./auth";
import { answerShape, oneOf } from "./checks";
import { groups } from "./groups";
import { organisations } from "./organisations";

const ASSESSMENT_STATUSES = ["draft", "submitted"] as const;

const createdAt = timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const teams = pgTable(
  "teams",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** The group the team sits in, if any (a group with teams cannot be deleted). */
    groupId: uuid("group_id").references(() => groups.id),
    /** How often the team assesses itself; the next assessment is due one cadence after the last. */
    cadence: text({ enum: CADENCES }).notNull().default(DEFAULT_CADENCE),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt,
  },
  (t) => [
    uniqueIndex("teams_organisation_name_key").on(t.organisationId, sql`lower(${t.name})`),
    index("teams_group_idx").on(t.groupId),
    check("teams_cadence_check", oneOf(t.cadence, CADENCES)),
  ],
);

/** Which members belong to which teams: a member answers only for their own teams. */
export const teamMembers = pgTable(
  "team_members",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt,
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user_idx").on(t.userId)],
);

/** Every model version ever loaded, so an assessment keeps the exact questions it was answered against. */
/**
 * One version of a maturity model, never changed once stored. The shipped models (content/models)
 * belong to everyone (no organisation); a model an organisation publishes belongs to it alone.
 */
export const modelVersions = pgTable(
  "model_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    modelId: text("model_id").notNull(),
    version: text().notNull(),
    name: text().notNull(),
    definition: jsonb().$type<Model>().notNull(),
    /** The text that was published (YAML), for an organisation's models. */
    source: text(),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
  },
  (t) => [unique("model_versions_owner_model_version_key").on(t.organisationId, t.modelId, t.version).nullsNotDistinct()],
);

export const assessments = pgTable(
  "assessments",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    modelVersionId: uuid("model_version_id")
      .notNull()
      .references(() => modelVersions.id),
    status: text({ enum: ASSESSMENT_STATUSES }).notNull().default("draft"),
    /** One shared answer per question, or each member their own (lib/respondents.ts). */
    respondents: text({ enum: RESPONDENT_MODES }).notNull().default("shared"),
    /** Who started it: its lead, with the owners and admins. */
    openedBy: uuid("opened_by").references(() => users.id, { onDelete: "set null" }),
    /** The submitted assessment whose answers this one started from (lib/carry.ts); null when started blank. */
    carriedFrom: uuid("carried_from").references((): AnyPgColumn => assessments.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    createdAt,
  },
  (t) => [
    index("assessments_team_idx").on(t.organisationId, t.teamId, t.submittedAt),
    // Deleting an assessment clears what was carried from it.
    index("assessments_carried_from_idx").on(t.carriedFrom),
    check("assessments_status_check", oneOf(t.status, ASSESSMENT_STATUSES)),
    check("assessments_respondents_check", oneOf(t.respondents, RESPONDENT_MODES)),
  ],
);

export const answers = pgTable(
  "answers",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    kind: text({ enum: ANSWER_KINDS }).notNull(),
    level: integer(),
    reason: text(),
    note: text(),
    /** The median of the respondents' answers, following them until the lead sets the answer. */
    fromRespondents: boolean("from_respondents").notNull().default(false),
    /** Carried from the assessment this one started from: not yet reviewed, or reviewed (confirmed or changed); null when answered here. */
    carried: text({ enum: CARRIED_STATES }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("answers_assessment_question_key").on(t.assessmentId, t.questionId),
    check("answers_kind_check", answerShape(t)),
    check("answers_carried_check", oneOf(t.carried, CARRIED_STATES)),
  ],
);

export type Team = typeof teams.$inferSelect;
export type Assessment = typeof assessments.$inferSelect;
export type Answer = typeof answers.$inferSelect;
export type NewAnswer = typeof answers.$inferInsert;
