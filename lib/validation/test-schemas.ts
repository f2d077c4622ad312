import type { z } from "zod";

/** A uuid the tests pass wherever a schema reads an id (an assessment's, a team's). */
export const ASSESSMENT_ID = "0b5e7b0e-8a4f-4c6e-9d2a-3f1b2c4d5e6f";

/** The messages of a failed parse, by field path ("" for the root). */
export function errors(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}
