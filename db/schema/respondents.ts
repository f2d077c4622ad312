import { isNull, ne, or } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { ANSWER_KINDS } from "@/lib/answer";
import { CARRIED_STATES } from "@/lib/carry";
import { assessments } from "./assessments";
import { users } from "./auth";
import { answerShape, oneOf } from "./checks";
import { organisations } from "./organisations";

// Several respondents: on an assessment answered by each member on their own, every
// member's answers are kept here; the team answer (table answers) follows their median until the
// lead sets it.

export const respondentAnswers = pgTable(
  "respondent_answers",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    kind: text({ enum: ANSWER_KINDS }).notNull(),
    level: integer(),
    reason: text(),
    note: text(),
    /** Carried from the member's (or the team's) answers last cycle; until reviewed it does not count in the median. */
    carried: text({ enum: CARRIED_STATES }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("respondent_answers_key").on(t.assessmentId, t.questionId, t.userId),
    index("respondent_answers_user_idx").on(t.userId),
    check("respondent_answers_kind_check", answerShape(t)),
    check("respondent_answers_carried_check", oneOf(t.carried, CARRIED_STATES)),
  ],
);

/** A respondent's answer counts (in the team answer's median, the spread and the lead's view) unless it was carried from last cycle and is not yet reviewed. */
export const countedRespondentAnswer = or(isNull(respondentAnswers.carried), ne(respondentAnswers.carried, "unreviewed"))!;
