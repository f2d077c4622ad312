import { z } from "zod";
import { NOTE_MAX, REASON_MAX } from "../answer";
import { START_FROM } from "../carry";
import { RESPONDENT_MODES } from "../respondents";
import { storableText } from "./text";

const optionalText = (max: number, what: string) =>
  storableText(what)
    .max(max * 2, `${what} can be at most ${max} characters.`)
    .transform((s) => s.trim())
    .pipe(z.string().max(max, `${what} can be at most ${max} characters.`))
    .transform((s) => (s === "" ? null : s));

const answerValueSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("level"), level: z.number({ error: "Choose a level." }).int("Choose a level.") }),
    z.object({ kind: z.literal("unsure") }),
    z.object({
      kind: z.literal("not_applicable"),
      reason: storableText("A reason", "Say why this question does not apply.")
        .trim()
        .min(1, "Say why this question does not apply.")
        .max(REASON_MAX, `A reason can be at most ${REASON_MAX} characters.`),
    }),
  ],
  { error: "Choose a level, “unsure” or “not applicable”." },
);

export const saveAnswerSchema = z.object({
  assessmentId: z.uuid("Unknown assessment."),
  questionId: z.string().min(1).max(120),
  answer: answerValueSchema,
  note: optionalText(NOTE_MAX, "A note").nullable().default(null),
});

export const startAssessmentSchema = z.object({
  teamId: z.uuid("Unknown team."),
  modelId: z.string().min(1).max(80),
  respondents: z.enum(RESPONDENT_MODES, { error: "Choose how the team answers." }).default("shared"),
  from: z.enum(START_FROM, { error: "Choose whether to start from the last answers or blank." }).default("last"),
});

export const confirmCarriedSchema = z.object({
  assessmentId: z.uuid("Unknown assessment."),
  areaId: z.string({ error: "Say which area to confirm." }).min(1, "Say which area to confirm.").max(120, "Unknown area."),
});

/**
 * The lead's team answer as a form posts it: a choice (a level, "unsure" or "not_applicable"), a
 * reason when it does not apply, and a note; read as the answer the questionnaire saves.
 */
export const teamAnswerFormSchema = z
  .object({
    assessmentId: z.uuid("Unknown assessment."),
    questionId: z.string().min(1).max(120),
    choice: z.string({ error: "Choose a level, “unsure” or “not applicable”." }).max(20),
    reason: z
      .string()
      .max(REASON_MAX * 2)
      .optional(),
    note: z.string().optional(),
  })
  .transform(({ assessmentId, questionId, choice, reason, note }): z.input<typeof saveAnswerSchema> => ({
    assessmentId,
    questionId,
    answer:
      choice === "unsure"
        ? { kind: "unsure" as const }
        : choice === "not_applicable"
          ? { kind: "not_applicable" as const, reason: reason ?? "" }
          : { kind: "level" as const, level: /^\d+$/.test(choice) ? Number(choice) : NaN },
    note,
  }))
  .pipe(saveAnswerSchema);

export const followMedianSchema = z.object({ assessmentId: z.uuid("Unknown assessment."), questionId: z.string().min(1).max(120) });

export const submitAssessmentSchema = z.object({ assessmentId: z.uuid("Unknown assessment.") });

export type SaveAnswerInput = z.infer<typeof saveAnswerSchema>;
