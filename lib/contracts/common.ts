import { z } from "zod";

// The pieces every public format shares. Field names are camelCase and stable: renaming one breaks
// every dashboard built on it. Moments are ISO 8601 in UTC; days are "YYYY-MM-DD".

export const isoDateTimeSchema = z.iso.datetime({ offset: true });
export const isoDaySchema = z.iso.date();

/** Which model, in which version, the figures were answered against. */
export const modelRefSchema = z.object({ modelId: z.string(), modelVersion: z.string(), modelName: z.string() });

/** A calendar quarter (UTC) as written in links and exports: "2026-Q3". */
export const quarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/);
export const areaRefSchema = z.object({ areaId: z.string(), name: z.string() });
export const scaleSchema = z.object({ min: z.number(), max: z.number() });
/** The decimals the model shows its scores with (SAMM: 2, most models 1); the figures are rounded to them. */
export const decimalsSchema = z.number().int().min(0).max(3);

export const answerValueSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("level"), level: z.number().int() }),
  z.object({ kind: z.literal("unsure") }),
  z.object({ kind: z.literal("not_applicable"), reason: z.string() }),
]);

/** One area's stored score: the mean of its scored answers and the counts behind it. */
export const areaScoreSchema = z.object({
  areaId: z.string(),
  name: z.string(),
  score: z.number().nullable(),
  percent: z.number().nullable(),
  sum: z.number(),
  scored: z.number().int(),
  unsure: z.number().int(),
  notApplicable: z.number().int(),
  unanswered: z.number().int(),
});

/** A submitted assessment's stored figures: every area, the water level, the weakest staves, the spill. */
export const assessmentScoreSchema = z.object({
  areas: z.array(areaScoreSchema),
  waterLevel: z.number().nullable(),
  weakest: z.array(z.string()),
  spill: z.number().nullable(),
  mean: z.number().nullable(),
});
