import { z } from "zod";

/** How the API says what went wrong (RFC 9457 problem details). */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  /** Per field or query parameter, what is wrong with it. */
  errors: z.record(z.string(), z.array(z.string())).optional(),
});
