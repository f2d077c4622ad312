import { z } from "zod";
import { CADENCES } from "../cadence";
import { idSchema, instantSchema } from "./common";

/** The organisation a token belongs to, and its groups (a flat list: parentId builds the tree). */
export const organisationSchema = z.object({
  id: idSchema,
  name: z.string(),
  groups: z.array(z.object({ id: idSchema, name: z.string(), parentId: idSchema.nullable() })),
});

export const teamSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  groupId: idSchema.nullable(),
  /** How often the team means to assess itself. */
  cadence: z.enum(CADENCES),
  /** When the team was archived; null for an active team. Archived teams keep their history. */
  archivedAt: instantSchema.nullable(),
});

/** One page of a list: the items, and the cursor of the next page (null on the last one). */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const teamListSchema = pageOf(teamSummarySchema);

export type OrganisationResource = z.infer<typeof organisationSchema>;
export type TeamListResource = z.infer<typeof teamListSchema>;
