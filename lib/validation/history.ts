import { z } from "zod";
import type { HistoryScope } from "../history";

/** Which history a download asks for: `?team=<id>`, `?group=<id>`, or neither for the whole organisation. */
export const historyScopeQuerySchema = z
  .object({ team: z.uuid("That is not a team of this organisation.").optional(), group: z.uuid("That is not a group of this organisation.").optional() })
  .refine((q) => !(q.team && q.group), { message: "Ask for a team or a group, not both.", path: ["team"] })
  .transform((q): HistoryScope => (q.team ? { kind: "team", id: q.team } : q.group ? { kind: "group", id: q.group } : { kind: "organisation" }));
