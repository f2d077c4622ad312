import { boolean, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid, check } from "drizzle-orm/pg-core";
import { MEASURED_METRIC_NAMES } from "@/lib/model/measured-by";
import { assessments } from "./assessments";
import { oneOf } from "./checks";
import { organisations } from "./organisations";

/**
 * An organisation's choice that the level its delivery data measures caps a team's answer in scores
 * (no row: it does not). Owners and admins set it; it applies to assessments submitted after.
 */
export const measuredLevelSettings = pgTable("measured_level_settings", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  capsAnswers: boolean("caps_answers").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What a submitted assessment's measured questions measured at submission: the metric's value over
 * the quarter before, the level it reached, and whether it capped the answer in the stored scores.
 * Kept so a stored score stays explainable (and is computed again the same way) after late events
 * change the quarter's figures.
 */
export const measuredLevels = pgTable(
  "measured_levels",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    metric: text({ enum: MEASURED_METRIC_NAMES }).notNull(),
    /** year × 4 + the quarter's index in its year (lib/dashboard/quarter.ts). */
    quarter: integer().notNull(),
    metricValue: doublePrecision("metric_value").notNull(),
    level: integer().notNull(),
    capped: boolean().notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.questionId] }), check("measured_levels_metric_check", oneOf(t.metric, MEASURED_METRIC_NAMES))],
);
