import { z } from "zod";
import { parseDay } from "../evidence/expiry";
import { EVIDENCE_ITEMS_MAX, evidenceItemProblem } from "../evidence/items";
import { STALE_EVIDENCE_RULES } from "../evidence/stale-rule";
import { validitySchema } from "./validity";

// Evidence as a form or the API sends it. Whether the effective day is in the future depends on
// the server's clock, so that is checked where it is written (db/queries/evidence.ts).

const itemsSchema = z
  .union([z.string(), z.array(z.string())], { error: "Add a link or a short text as evidence." })
  .transform((value) => (Array.isArray(value) ? value : [value]).map((item) => item.trim()).filter((item) => item !== ""))
  .superRefine((items, ctx) => {
    if (items.length === 0) ctx.addIssue({ code: "custom", message: "Add a link or a short text as evidence." });
    if (items.length > EVIDENCE_ITEMS_MAX)
      ctx.addIssue({ code: "custom", message: `At most ${EVIDENCE_ITEMS_MAX} items: link to a folder that holds the rest.` });
    const problem = items.map(evidenceItemProblem).find(Boolean);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const saveEvidenceSchema = z.object({
  assessmentId: z.uuid("Unknown assessment."),
  questionId: z.string().min(1).max(120),
  items: itemsSchema,
  effectiveOn: z
    .string({ error: "Give the day the evidence took effect." })
    .trim()
    .refine((day) => day !== "", { error: "Give the day the evidence took effect.", abort: true })
    .refine((day) => parseDay(day) !== undefined, "Give the day as a date, such as 2026-03-02."),
  validFor: validitySchema,
});

export type SaveEvidenceInput = z.output<typeof saveEvidenceSchema>;

export const removeEvidenceSchema = z.object({
  assessmentId: z.uuid("Unknown assessment."),
  questionId: z.string().min(1).max(120),
});

export const evidenceDefaultSchema = z.object({ validFor: validitySchema });

export const staleEvidenceRuleSchema = z.object({
  staleCounts: z.enum(STALE_EVIDENCE_RULES, { error: "Choose what stale evidence does to scores." }),
});
