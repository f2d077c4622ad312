import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ANSWER_KINDS } from "@/lib/answer";
import type { AgreedAction } from "@/lib/workshop/agreement";
import { ANONYMITY, WORKSHOP_PHASES, WORKSHOP_STATUSES } from "@/lib/workshop/rules";
import { assessments } from "./assessments";
import { users } from "./auth";
import { oneOf } from "./checks";
import { organisations } from "./organisations";

// Live workshops: a facilitator runs a team's draft assessment with a room of
// participants who vote from their phones without an account. The team answer of a question is
// the consensus the facilitator records; votes stay as the workshop's record.

const createdAt = timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const workshops = pgTable(
  "workshops",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    joinCode: text("join_code").notNull(),
    anonymity: text({ enum: ANONYMITY }).notNull(),
    status: text({ enum: WORKSHOP_STATUSES }).notNull().default("open"),
    phase: text({ enum: WORKSHOP_PHASES }).notNull().default("voting"),
    /** The question on screen, and its voting round (a re-vote opens the next round). */
    questionId: text("question_id").notNull(),
    round: integer().notNull().default(1),
    autoReveal: boolean("auto_reveal").notNull().default(true),
    timerEndsAt: timestamp("timer_ends_at", { withTimezone: true }),
    /** Moves with every change, so every view knows whether what it shows is current. */
    version: bigint({ mode: "number" }).notNull().default(0),
    facilitatorId: uuid("facilitator_id").references(() => users.id, { onDelete: "set null" }),
    createdAt,
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("workshops_join_code_key").on(t.joinCode),
    // One running workshop per assessment.
    uniqueIndex("workshops_running_assessment_key")
      .on(t.assessmentId)
      .where(sql`${t.status} <> 'ended'`),
    check("workshops_anonymity_check", oneOf(t.anonymity, ANONYMITY)),
    check("workshops_status_check", oneOf(t.status, WORKSHOP_STATUSES)),
    check("workshops_phase_check", oneOf(t.phase, WORKSHOP_PHASES)),
  ],
);

/**
 * Someone in the room: joined with the code (a token in a cookie), or added by the facilitator for
 * someone without a device. One who joined to watch (a shared screen, an observer) sees what the
 * presenter shows, does not vote and is not counted in the room.
 */
export const workshopParticipants = pgTable(
  "workshop_participants",
  {
    id: uuid().primaryKey().defaultRandom(),
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text(),
    /** SHA-256 of the participant's token; null for someone the facilitator votes for. */
    tokenHash: text("token_hash").unique(),
    watching: boolean().notNull().default(false),
    createdAt,
  },
  (t) => [index("workshop_participants_workshop_idx").on(t.workshopId), unique("workshop_participants_workshop_key").on(t.id, t.workshopId)],
);

export const workshopVotes = pgTable(
  "workshop_votes",
  {
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").notNull(),
    questionId: text("question_id").notNull(),
    round: integer().notNull(),
    kind: text({ enum: ANSWER_KINDS }).notNull(),
    level: integer(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.questionId, t.round] }),
    // A vote belongs to a participant of the same workshop.
    foreignKey({
      name: "workshop_votes_participant_fk",
      columns: [t.participantId, t.workshopId],
      foreignColumns: [workshopParticipants.id, workshopParticipants.workshopId],
    }).onDelete("cascade"),
    index("workshop_votes_question_idx").on(t.workshopId, t.questionId, t.round),
    check("workshop_votes_kind_check", sql`(${t.kind} = 'level') = (${t.level} is not null)`),
  ],
);

/** What the room agreed on a question, and the facilitator's private note on it. */
export const workshopQuestions = pgTable(
  "workshop_questions",
  {
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    consensusKind: text("consensus_kind", { enum: ANSWER_KINDS }),
    consensusLevel: integer("consensus_level"),
    /** Said in the room and kept with the answer. */
    note: text(),
    /** Seen by the facilitator only. */
    privateNote: text("private_note"),
    /** The last round whose votes were revealed: coming back to the question shows them again. */
    revealedRound: integer("revealed_round"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.questionId] })],
);

/**
 * The next bottleneck the room agreed at the end of a workshop: the area to raise, the target and
 * the first actions. The workshop runs on a draft, and targets and actions belong to a submitted
 * assessment: when the assessment is submitted (or at once, if it already was) the agreement
 * becomes its target and actions, and `applied_at` says when.
 */
export const workshopAgreements = pgTable(
  "workshop_agreements",
  {
    workshopId: uuid("workshop_id")
      .primaryKey()
      .references(() => workshops.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    areaId: text("area_id").notNull(),
    /** The area's score when it was agreed (the team answers so far); null when it had no answer yet. */
    fromScore: doublePrecision("from_score"),
    targetLevel: integer("target_level").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** One to three first actions, in order (checked by lib/workshop/agreement.ts when read). */
    actions: jsonb().$type<AgreedAction[]>().notNull(),
    agreedAt: timestamp("agreed_at", { withTimezone: true }).notNull().defaultNow(),
    agreedBy: uuid("agreed_by").references(() => users.id, { onDelete: "set null" }),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
  },
  (t) => [
    index("workshop_agreements_organisation_idx").on(t.organisationId),
    check("workshop_agreements_actions_check", sql`jsonb_typeof(${t.actions}) = 'array' and jsonb_array_length(${t.actions}) between 1 and 3`),
  ],
);
