import { z } from "zod";
import { CADENCES } from "../cadence";
import { ACTION_STATUSES } from "../improvement-actions";
import { assessmentScoreSchema, isoDateTimeSchema, isoDaySchema, modelRefSchema } from "./common";

/** An improvement action still open, whichever cycle agreed it. */
const openActionSchema = z.object({
  id: z.uuid(),
  assessmentId: z.uuid(),
  agreedOn: isoDateTimeSchema,
  title: z.string(),
  ownerName: z.string().nullable(),
  dueOn: isoDaySchema.nullable(),
  status: z.enum(ACTION_STATUSES),
  areaId: z.string(),
  questionId: z.string().nullable(),
});

/** A team: its cadence, its assessments (drafts only for those who may see them), its latest stored result and its open actions. */
export const teamViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  archivedAt: isoDateTimeSchema.nullable(),
  cadence: z.enum(CADENCES),
  lastSubmittedAt: isoDateTimeSchema.nullable(),
  assessments: z.array(
    z.object({
      id: z.uuid(),
      status: z.enum(["draft", "submitted"]),
      createdAt: isoDateTimeSchema,
      submittedAt: isoDateTimeSchema.nullable(),
      model: modelRefSchema,
    }),
  ),
  latest: z.object({ assessmentId: z.uuid(), submittedAt: isoDateTimeSchema, model: modelRefSchema, score: assessmentScoreSchema }).nullable(),
  openActions: z.array(openActionSchema),
});

export type TeamContract = z.infer<typeof teamViewSchema>;
