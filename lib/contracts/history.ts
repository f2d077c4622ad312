import { z } from "zod";
import { CADENCES } from "../cadence";
import { ACTION_STATUSES } from "../improvement-actions";
import { RESPONDENT_MODES } from "../respondents";
import { AGREED_ACTIONS_MAX } from "../workshop/agreement";
import { ANONYMITY } from "../workshop/rules";
import { answerValueSchema, isoDateTimeSchema, isoDaySchema } from "./common";
import { voteSchema } from "./workshop";

// A team's, a group's or a whole organisation's history as one JSON document, to move it from one
// Stave to another. Ids are kept, so importing the same document again changes nothing; model
// versions are named by model id and version (a shipped model's row id differs between Staves).
// A reader refuses a document whose formatVersion is newer than the one it knows.

export const HISTORY_FORMAT_VERSION = 1;
export const HISTORY_SCHEMA_URL = "/history-schema.json";

/** A person as the document names them: matched by e-mail where they are a member of the importing organisation. */
export const historyPersonSchema = z.object({ name: z.string(), email: z.string().nullable() });

/** Which model version, by its model id and version (the same in every Stave). */
export const historyModelRefSchema = z.object({ modelId: z.string(), version: z.string() });

export const historyModelVersionSchema = historyModelRefSchema.extend({
  name: z.string(),
  /** Shipped with Stave (the importing Stave must have the very same version) or the organisation's own. */
  shipped: z.boolean(),
  /** The model version as JSON, in the format of /model-schema.json. */
  definition: z.record(z.string(), z.unknown()),
  /** The YAML it was published from, for an organisation's own model. */
  source: z.string().nullable(),
});

export const historyGroupSchema = z.object({ id: z.uuid(), name: z.string(), parentId: z.uuid().nullable() });

export const historyTeamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  groupId: z.uuid().nullable(),
  cadence: z.enum(CADENCES),
  archived: z.boolean(),
  members: z.array(historyPersonSchema),
});

export const historyAnswerSchema = z.object({ questionId: z.string(), answer: answerValueSchema, note: z.string().nullable() });

export const historyRespondentAnswerSchema = historyAnswerSchema.extend({ respondent: historyPersonSchema });

/** The figures stored when the assessment was submitted; an import recomputes them and compares. */
export const historyScoreSchema = z.object({
  waterLevel: z.number().nullable(),
  weakest: z.array(z.string()),
  spill: z.number().nullable(),
  areas: z.array(z.object({ areaId: z.string(), score: z.number().nullable() })),
});

export const historyTargetSchema = z.object({
  areaId: z.string(),
  fromScore: z.number(),
  level: z.number().int(),
  dueOn: isoDaySchema,
  setAt: isoDateTimeSchema,
});

export const historyActionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  /** A member (matched by e-mail, else kept as their name) or a name typed as the owner. */
  owner: z.union([z.object({ member: historyPersonSchema }), z.object({ text: z.string() })]).nullable(),
  dueOn: isoDaySchema.nullable(),
  status: z.enum(ACTION_STATUSES),
  areaId: z.string(),
  questionId: z.string().nullable(),
});

export const historyAssessmentSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  model: historyModelRefSchema,
  respondents: z.enum(RESPONDENT_MODES),
  submittedAt: isoDateTimeSchema,
  answers: z.array(historyAnswerSchema),
  respondentAnswers: z.array(historyRespondentAnswerSchema),
  score: historyScoreSchema,
  target: historyTargetSchema.nullable(),
  /** In their order on the assessment. */
  actions: z.array(historyActionSchema),
});

export const historyTrendNoteSchema = z.object({ id: z.uuid(), teamId: z.uuid(), on: isoDaySchema, text: z.string() });

/**
 * An ended workshop that fed a submitted assessment of the document: what its report shows, and no
 * more (no join code, no participant's token, no facilitator's private notes).
 */
export const historyWorkshopSchema = z.object({
  id: z.uuid(),
  /** The submitted assessment it fed; the document holds it. */
  assessmentId: z.uuid(),
  anonymity: z.enum(ANONYMITY),
  openedAt: isoDateTimeSchema,
  endedAt: isoDateTimeSchema,
  /** Those who voted (not those who only watched), by id; a name only where votes were named to everyone. */
  participants: z.array(z.object({ id: z.uuid(), name: z.string().nullable() })),
  /** Every vote of every round, by question, round and participant. */
  votes: z.array(z.object({ participantId: z.uuid(), questionId: z.string(), round: z.number().int().min(1), vote: voteSchema })),
  /** What the room agreed on each question, and the note said with it, by question. */
  agreed: z.array(z.object({ questionId: z.string(), answer: voteSchema, note: z.string().nullable() })),
  /** The next bottleneck the room agreed; `appliedAt` when it became the assessment's target and actions (those travel with the assessment). */
  agreement: z
    .object({
      areaId: z.string(),
      fromScore: z.number().nullable(),
      level: z.number().int(),
      dueOn: isoDaySchema,
      actions: z
        .array(z.object({ title: z.string().min(1), ownerText: z.string().nullable(), dueOn: isoDaySchema.nullable() }))
        .min(1)
        .max(AGREED_ACTIONS_MAX),
      agreedAt: isoDateTimeSchema,
      appliedAt: isoDateTimeSchema.nullable(),
    })
    .nullable(),
});

export const HISTORY_SCOPES = ["team", "group", "organisation"] as const;
export type HistoryScopeKind = (typeof HISTORY_SCOPES)[number];

export const historySchema = z.object({
  formatVersion: z.literal(HISTORY_FORMAT_VERSION),
  exportedAt: isoDateTimeSchema,
  scope: z.object({ kind: z.enum(HISTORY_SCOPES), id: z.uuid().nullable(), name: z.string() }),
  organisation: z.object({ name: z.string() }),
  modelVersions: z.array(historyModelVersionSchema),
  /** Parents before their children. */
  groups: z.array(historyGroupSchema),
  teams: z.array(historyTeamSchema),
  /** Submitted assessments only (drafts stay where they are), oldest first. */
  assessments: z.array(historyAssessmentSchema),
  trendNotes: z.array(historyTrendNoteSchema),
  /**
   * Ended workshops whose report shows something, oldest first. Added within format version 1:
   * a document written before has none, and reads (and imports) as having none.
   */
  workshops: z.array(historyWorkshopSchema).default([]),
});

export type History = z.infer<typeof historySchema>;
export type HistoryAssessment = z.infer<typeof historyAssessmentSchema>;
export type HistoryTeam = z.infer<typeof historyTeamSchema>;
export type HistoryPerson = z.infer<typeof historyPersonSchema>;
export type HistoryWorkshop = z.infer<typeof historyWorkshopSchema>;

export function historyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(historySchema, { target: "draft-2020-12", io: "output", unrepresentable: "any" });
  return {
    ...schema,
    // Stave always writes `workshops`, and reads a document without it (one written before it was added).
    required: schema.required?.filter((key) => key !== "workshops"),
    title: "Stave history",
    description:
      "A team's, a group's or an organisation's history exported from Stave: groups, teams, submitted assessments with their model versions, answers, scores, targets, improvement actions, trend notes and the reports of ended workshops.",
  };
}
