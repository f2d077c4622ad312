import { z } from "zod";
import { CADENCES } from "../cadence";
import { isoDateTimeSchema } from "./common";

/** The organisation a token belongs to, and its groups (a flat list: parentId builds the tree). */
export const organisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  groups: z.array(z.object({ id: z.uuid(), name: z.string(), parentId: z.uuid().nullable() })),
});

export const teamSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  groupId: z.uuid().nullable(),
  /** How often the team means to assess itself. */
  cadence: z.enum(CADENCES),
  /** When the team was archived; null for an active team. Archived teams keep their history. */
  archivedAt: isoDateTimeSchema.nullable(),
});

/** One page of a list: the items, and the cursor of the next page (null on the last one). */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const teamListSchema = pageOf(teamSummarySchema);

export type OrganisationResource = z.infer<typeof organisationSchema>;
export type TeamListResource = z.infer<typeof teamListSchema>;
