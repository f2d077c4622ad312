import { z } from "zod";
import { decimalsSchema, isoDateTimeSchema, isoDaySchema } from "./common";

/** One submitted assessment on the trend: every area's score, the water level and the weakest staves. */
const trendPointSchema = z.object({
  assessmentId: z.uuid(),
  submittedAt: isoDateTimeSchema,
  modelId: z.string(),
  modelVersion: z.string(),
  waterLevel: z.number().nullable(),
  /** Areas at the water level, in model order; the first is the primary weakest stave. */
  weakest: z.array(z.string()),
  spill: z.number().nullable(),
  /** Every area of the series, in the order of `areas` (null: not scored then, or not in that model). */
  areas: z.array(z.object({ areaId: z.string(), score: z.number().nullable() })),
  /** Answered by several respondents: how many, and their range on the weakest stave. */
  respondents: z.object({ count: z.number().int(), low: z.number().nullable(), high: z.number().nullable() }).nullable(),
});

const targetSchema = z.object({
  assessmentId: z.uuid(),
  areaId: z.string(),
  areaName: z.string(),
  fromScore: z.number(),
  level: z.number().int(),
  dueOn: isoDaySchema,
  outcome: z.discriminatedUnion("state", [
    z.object({ state: z.literal("reached"), on: isoDaySchema, score: z.number(), assessmentId: z.uuid() }),
    z.object({ state: z.literal("missed"), score: z.number().nullable() }),
    z.object({ state: z.literal("open"), days: z.number().int() }),
  ]),
});

/** A team's water level and weakest stave over time, oldest first, with its targets and notes. */
export const trendSchema = z.object({
  teamId: z.uuid(),
  teamName: z.string(),
  /** Areas of the newest model first, then older areas that have since gone. */
  areas: z.array(z.object({ areaId: z.string(), name: z.string() })),
  /** The most decimals any model in the series shows its scores with. */
  decimals: decimalsSchema,
  points: z.array(trendPointSchema),
  targets: z.array(targetSchema),
  annotations: z.array(z.object({ id: z.uuid(), on: isoDaySchema, text: z.string() })),
});

export type TrendContract = z.infer<typeof trendSchema>;
