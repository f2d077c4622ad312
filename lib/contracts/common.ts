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
