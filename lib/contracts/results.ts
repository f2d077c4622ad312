import { z } from "zod";
import { LOWERING_RULES } from "../evidence/stale-rule";
import { MEASURED_METRIC_NAMES } from "../model/measured-by";
import { RESPONDENT_MODES } from "../respondents";
import { answerValueSchema, assessmentScoreSchema, decimalsSchema, isoDateTimeSchema, isoDaySchema, modelRefSchema, quarterSchema } from "./common";

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

/**
 * The evidence behind an answer: links or short texts, the day it took effect, how long it holds (an
 * ISO 8601 duration) and the day it becomes stale; its state when the answer was served (expiring:
 * stale within 30 days).
 */
export const answerEvidenceSchema = z.object({
  items: z.array(z.string()),
  effectiveOn: isoDaySchema,
  validFor: z.string(),
  expiresOn: isoDaySchema,
  state: z.enum(["valid", "expiring", "stale"]),
});

/**
 * What delivery data measured for a measured question when the assessment was submitted: the
 * metric's value over the quarter before, the level it reached, and whether it capped the answer in
 * the stored scores (the organisation's choice).
 */
export const answerMeasuredSchema = z.object({
  metric: z.enum(MEASURED_METRIC_NAMES),
  quarter: quarterSchema,
  metricValue: z.number(),
  level: z.number().int(),
  capped: z.boolean(),
});

/**
 * An answer its stored scores count lower than given because its evidence lapsed, where the
 * organisation chose so: the day it expired, and whether it counts one level lower or as unsure.
 */
export const answerLapsedSchema = z.object({
  expiredOn: isoDaySchema,
  counted: z.enum(LOWERING_RULES),
});

/**
 * A team answer; its note only when notes were asked for (they are the team's own words); its
 * evidence (null without any), what was measured (null for a question not measured at submission)
 * and whether lapsed evidence lowers it in the scores (null when not).
 */
const answerSchema = z.object({
  questionId: z.string(),
  value: answerValueSchema,
  note: z.string().nullable().optional(),
  evidence: answerEvidenceSchema.nullable(),
  measured: answerMeasuredSchema.nullable(),
  lapsed: answerLapsedSchema.nullable(),
});

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
export type ResultsEvidence = z.infer<typeof answerEvidenceSchema>;
export type ResultsMeasured = z.infer<typeof answerMeasuredSchema>;
