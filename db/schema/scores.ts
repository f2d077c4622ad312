import { bigint, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { assessments } from "./assessments";
import { organisations } from "./organisations";

// A submitted assessment never changes, so its score is computed once, in the submit transaction,
// and every page, dashboard and export reads these rows instead of scoring answers again.
// Figures are one-decimal numbers; double precision gives them back exactly as JavaScript wrote them.

/** The headline of a submitted assessment: water level, weakest staves, spill, and its answers by kind. */
export const assessmentScores = pgTable("assessment_scores", {
  assessmentId: uuid("assessment_id")
    .primaryKey()
    .references(() => assessments.id, { onDelete: "cascade" }),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  /** The version of the scoring rules (lib/scoring.ts) that computed these figures. */
  scoringVersion: integer("scoring_version").notNull(),
  waterLevel: doublePrecision("water_level"),
  /** Area ids at the water level, in model order; the first is the primary weakest stave. */
  weakest: text().array().notNull(),
  spill: doublePrecision(),
  mean: doublePrecision(),
  levelAnswers: integer("level_answers").notNull(),
  unsureAnswers: integer("unsure_answers").notNull(),
  notApplicableAnswers: integer("not_applicable_answers").notNull(),
  /** Members who answered on their own (null for an assessment answered together). */
  respondents: integer(),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One row per area of a submitted assessment, in model order. */
export const assessmentAreaScores = pgTable(
  "assessment_area_scores",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessmentScores.assessmentId, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    areaId: text("area_id").notNull(),
    position: integer().notNull(),
    name: text().notNull(),
    score: doublePrecision(),
    percent: integer(),
    /** The sum of the scored answers' scores (a fraction where a model scores levels as such). */
    sum: doublePrecision().notNull(),
    scored: integer().notNull(),
    unsure: integer().notNull(),
    notApplicable: integer("not_applicable").notNull(),
    unanswered: integer().notNull(),
    /** With several respondents: the lowest and highest of their own area scores, and the questions they disagree on. */
    respondents: integer(),
    respondentLow: doublePrecision("respondent_low"),
    respondentHigh: doublePrecision("respondent_high"),
    disagreements: integer(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.areaId] })],
);

/**
 * A counter per organisation that moves whenever anything a dashboard shows changes (stored
 * scores, teams, groups); triggers keep it (migration 0006). Every instance compares it with the
 * version its cached dashboard figures were computed at, so instances behave as one.
 */
export const dashboardVersions = pgTable("dashboard_versions", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  version: bigint({ mode: "number" }).notNull().default(0),
});
