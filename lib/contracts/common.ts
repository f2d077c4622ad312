import { z } from "zod";

// The pieces every public resource is built of, so an id, a date or a quarter reads the same
// wherever it appears.

export const idSchema = z.uuid();
/** An instant in UTC, as ISO 8601 ("2026-03-02T09:30:00.000Z"). */
export const instantSchema = z.iso.datetime();
/** A calendar quarter (UTC) as written in links and exports: "2026-Q3". */
export const quarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/);
/** A model's id ("devops-core") and the exact version a figure was computed with. */
export const modelRefSchema = z.object({ id: z.string(), version: z.string(), name: z.string() });
export const areaRefSchema = z.object({ id: z.string(), name: z.string() });
export const scaleSchema = z.object({ min: z.number(), max: z.number() });
