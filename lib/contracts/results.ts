import { z } from "zod";
import { RESPONDENT_MODES } from "../respondents";
import { answerValueSchema, assessmentScoreSchema, decimalsSchema, isoDateTimeSchema, modelRefSchema } from "./common";

/** With several respondents: how many answered, and how far apart they were per area (model order). */
const spreadSchema = z.object({
  respondents: z.number().int(),
  areas: z.array(
    z.object({
      areaId: z.string(),
      respondents: z.number().int(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      spread: z.number().nullable(),
      disagreements: z.number().int(),
    }),
  ),
});

/** A team answer; its note only when notes were asked for (they are the team's own words). */
const answerSchema = z.object({ questionId: z.string(), value: answerValueSchema, note: z.string().nullable().optional() });

/** A submitted assessment with the scores stored when it was submitted, and its team answers. */
export const resultsSchema = z.object({
  assessmentId: z.uuid(),
  teamId: z.uuid(),
  teamName: z.string(),
  model: modelRefSchema,
  submittedAt: isoDateTimeSchema,
  respondents: z.enum(RESPONDENT_MODES),
  score: assessmentScoreSchema,
  decimals: decimalsSchema,
  spread: spreadSchema.nullable(),
  answers: z.array(answerSchema),
});

export type Results = z.infer<typeof resultsSchema>;
export type ResultsAnswer = z.infer<typeof answerSchema>;
