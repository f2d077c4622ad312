import { z } from "zod";
import { MAX_VALIDITY_YEARS, parseValidity } from "../evidence/validity";

/** A validity at a boundary (a model file, a form, the API), normalised to upper case ("p12m" reads as "P12M"). */
export const validitySchema = z
  .string({ error: "Give a validity, such as P12M (twelve months)." })
  .trim()
  .toUpperCase()
  .superRefine((text, ctx) => {
    const parsed = parseValidity(text);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
  })
  .meta({ description: `An ISO 8601 duration of days or longer, at most ${MAX_VALIDITY_YEARS} years: P12M, P90D, P1Y6M.`, examples: ["P12M", "P90D"] });
