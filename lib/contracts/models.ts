import { z } from "zod";
import { modelSchema } from "../model/schema";
import { isoDateTimeSchema } from "./common";

const modelVersionSummarySchema = z.object({
  version: z.string(),
  publishedAt: isoDateTimeSchema,
  areas: z.number().int(),
  questions: z.number().int(),
  /** What changed against the version before it, in words; null for the first. */
  changes: z.string().nullable(),
});

/** A model the organisation may assess with (shipped with Stave or its own) and its versions, newest first. */
export const modelSummarySchema = z.object({
  modelId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  shipped: z.boolean(),
  versions: z.array(modelVersionSummarySchema),
});

export const modelListSchema = z.object({ models: z.array(modelSummarySchema) });

/** One version of a model, word for word as teams answered it. */
export const modelVersionSchema = z.object({
  modelId: z.string(),
  version: z.string(),
  publishedAt: isoDateTimeSchema,
  definition: modelSchema,
});

export type ModelSummary = z.infer<typeof modelSummarySchema>;
export type ModelVersionResource = z.infer<typeof modelVersionSchema>;
export type ModelList = z.infer<typeof modelListSchema>;
