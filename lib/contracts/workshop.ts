import { z } from "zod";
import { ANONYMITY } from "../workshop/rules";
import { isoDateTimeSchema, isoDaySchema } from "./common";
import { SCORE_DIGITS } from "../model/scoring-rules";

export const voteSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("level"), level: z.number() }),
  z.object({ kind: z.literal("unsure") }),
  z.object({ kind: z.literal("not_applicable") }),
]);

const tallySchema = z.object({
  levels: z.array(z.object({ level: z.number(), count: z.number().int() })),
  unsure: z.number().int(),
  notApplicable: z.number().int(),
  total: z.number().int(),
  median: z.number().nullable(),
  spread: z.number().nullable(),
  interquartile: z.number().nullable(),
  disagrees: z.boolean(),
});

/**
 * A workshop's report: every question the room voted on with its distribution and what was
 * agreed, and each area as the team's answers stand beside the previous assessment. Names of
 * voters appear only in a workshop whose votes were named to everyone.
 */
export const workshopReportSchema = z.object({
  teamId: z.uuid(),
  assessmentId: z.uuid(),
  teamName: z.string(),
  /** The model's name and version, as the room answered it. */
  model: z.string(),
  anonymity: z.enum(ANONYMITY),
  openedAt: isoDateTimeSchema,
  endedAt: isoDateTimeSchema.nullable(),
  participants: z.number().int(),
  questions: z.array(
    z.object({
      number: z.number().int(),
      area: z.string(),
      title: z.string(),
      /** The last round's tally: the votes the room settled on. */
      tally: tallySchema,
      /** Every round in order; more than one when the room voted again. */
      rounds: z.array(z.object({ round: z.number().int(), tally: tallySchema })),
      consensus: voteSchema.nullable(),
      note: z.string().nullable(),
      votes: z.array(z.object({ name: z.string(), vote: voteSchema })).optional(),
    }),
  ),
  /** The decimals the model's scores are rounded to and shown with (two for OWASP SAMM). */
  decimals: z.literal(SCORE_DIGITS),
  areas: z.array(z.object({ areaId: z.string(), name: z.string(), now: z.number().nullable(), before: z.number().nullable(), change: z.number().nullable() })),
  previousOn: isoDateTimeSchema.nullable(),
  next: z.object({ weakest: z.array(z.string()), waterLevel: z.number().nullable(), open: z.number().int(), submitted: z.boolean() }),
  /** The next bottleneck the room agreed: the area, the target and the first actions; null until recorded. */
  agreement: z
    .object({
      areaId: z.string(),
      areaName: z.string(),
      fromScore: z.number().nullable(),
      level: z.number().int(),
      dueOn: isoDaySchema,
      actions: z.array(z.object({ title: z.string(), ownerText: z.string().nullable(), dueOn: isoDaySchema.nullable() })),
      agreedAt: isoDateTimeSchema,
      /** When it became the submitted assessment's target and actions. */
      appliedAt: isoDateTimeSchema.nullable(),
    })
    .nullable(),
});

export type WorkshopReportResource = z.infer<typeof workshopReportSchema>;
