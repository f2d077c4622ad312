import { sql } from "drizzle-orm";
import { check, date, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ACTION_STATUSES } from "@/lib/improvement-actions";
import { assessments, teams } from "./assessments";
import { users } from "./auth";
import { oneOf } from "./checks";
import { organisations } from "./organisations";

// The improvement cycle: a target for the weakest stave and the actions agreed
// on a submitted assessment, and notes a team adds to its trend. Targets and actions belong to
// the assessment they were agreed on; open actions stay open across cycles, nothing is copied.

const createdAt = timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const organisationId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });

/** At most one target per assessment: setting it again replaces it. */
export const targets = pgTable(
  "targets",
  {
    assessmentId: uuid("assessment_id")
      .primaryKey()
      .references(() => assessments.id, { onDelete: "cascade" }),
    organisationId: organisationId(),
    areaId: text("area_id").notNull(),
    /** The area's score when the target was set (the water level of that assessment). */
    fromScore: doublePrecision("from_score").notNull(),
    level: integer().notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("targets_level_check", sql`${t.level} > ${t.fromScore}`)],
);

export const improvementActions = pgTable(
  "improvement_actions",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: organisationId(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    /** The assessment it was agreed on. */
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    title: text().notNull(),
    description: text(),
    /** A member of the organisation who owns it… */
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    /** …or someone named in free text. */
    ownerText: text("owner_text"),
    dueOn: date("due_on", { mode: "string" }),
    status: text({ enum: ACTION_STATUSES }).notNull().default("planned"),
    areaId: text("area_id").notNull(),
    questionId: text("question_id"),
    /** Order within its assessment. */
    position: integer().notNull(),
    createdAt,
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("improvement_actions_team_idx").on(t.organisationId, t.teamId),
    index("improvement_actions_assessment_idx").on(t.assessmentId, t.position),
    check("improvement_actions_status_check", oneOf(t.status, ACTION_STATUSES)),
    check("improvement_actions_one_owner_check", sql`${t.ownerUserId} is null or ${t.ownerText} is null`),
  ],
);

/** A dated note on a team's trend ("moved to Kubernetes", "reorg"). */
export const trendAnnotations = pgTable(
  "trend_annotations",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: organisationId(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    on: date({ mode: "string" }).notNull(),
    text: text().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
  },
  (t) => [index("trend_annotations_team_idx").on(t.organisationId, t.teamId, t.on)],
);
