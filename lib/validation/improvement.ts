import { z } from "zod";
import { ACTION_STATUSES } from "../improvement-actions";
import { parseDay } from "../target";
import { ACTION_DESCRIPTION_MAX, ACTION_TITLE_MAX, ANNOTATION_MAX, PERSON_NAME_MAX } from "./limits";
import { isUuid } from "./ids";
import { nameSchema, storableText } from "./text";

/** A calendar day as a date field sends it ("YYYY-MM-DD"), checked to be a real day. */
export const daySchema = (what: string) =>
  z
    .string(`Enter ${what}.`)
    .trim()
    .refine((s) => parseDay(s) !== undefined, `Enter ${what} as a calendar day, e.g. 2027-03-31.`);

/** The same, or nothing when the field is left empty. */
export const optionalDay = (what: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((s) => !s || parseDay(s) !== undefined, `Enter ${what} as a calendar day, e.g. 2027-03-31.`)
    .transform((s) => s || null);

/** Free text that may be left empty (stored as null), at most `max` characters. */
export const optionalText = (what: string, max: number) =>
  storableText(what)
    .optional()
    .transform((s) => s?.trim() || null)
    .refine((s) => s === null || s.length <= max, `${what} can be at most ${max} characters.`);

export const setTargetSchema = z.object({
  assessmentId: z.uuid("Unknown assessment."),
  level: z
    .string("Choose a target level.")
    .regex(/^\d{1,2}$/, "Choose a target level from the list.")
    .transform(Number),
  dueOn: daySchema("the target date"),
});
export type SetTargetInput = z.output<typeof setTargetSchema>;

/** What an action aims at: a whole area ("area:<id>") or one question ("question:<id>"). */
const aimSchema = z
  .string("Choose what the action aims at.")
  .regex(/^(area|question):[\w.-]{1,80}$/, "Choose what the action aims at from the list.")
  .transform((s) => {
    const [kind, id] = s.split(":") as ["area" | "question", string];
    return { kind, id };
  });

/** The owner: "member:<user id>", "other" with a name typed, or "" for nobody yet. */
const ownerFields = {
  owner: z
    .string()
    .default("")
    .refine((s) => s === "" || s === "other" || (s.startsWith("member:") && isUuid(s.slice("member:".length))), "Choose an owner from the list."),
  ownerText: optionalText("The owner's name", PERSON_NAME_MAX),
};

const actionFields = {
  title: nameSchema({ what: "An action's title", max: ACTION_TITLE_MAX, missing: "Give the action a title." }),
  description: optionalText("The description", ACTION_DESCRIPTION_MAX),
  ...ownerFields,
  dueOn: optionalDay("the due date"),
  status: z.enum(ACTION_STATUSES, "Choose a status from the list.").default("planned"),
  aim: aimSchema,
};

/** Who owns it, as stored: a member, a name, or nobody. */
export type ActionOwner = { userId: string } | { text: string } | null;

function toOwner<T extends { owner: string; ownerText: string | null }>(input: T, ctx: z.RefinementCtx): ActionOwner {
  if (input.owner.startsWith("member:")) return { userId: input.owner.slice("member:".length) };
  // A name typed is an owner, whether or not "someone else" was chosen in the list.
  if (input.ownerText) return { text: input.ownerText };
  if (input.owner === "other") {
    ctx.addIssue({ code: "custom", path: ["ownerText"], message: "Type the owner's name, or choose a member." });
    return z.NEVER;
  }
  return null;
}

const withOwner = <T extends { owner: string; ownerText: string | null }>({ owner, ownerText, ...rest }: T, ctx: z.RefinementCtx) => ({
  ...rest,
  owner: toOwner({ owner, ownerText }, ctx),
});

export const createActionSchema = z.object({ assessmentId: z.uuid("Unknown assessment."), ...actionFields }).transform(withOwner);
export type CreateActionInput = z.output<typeof createActionSchema>;

export const updateActionSchema = z.object({ actionId: z.uuid("Unknown action."), ...actionFields }).transform(withOwner);
export type UpdateActionInput = z.output<typeof updateActionSchema>;

/** A next step of the results page, to become an action: the assessment and the question it is for. */
export const addStepActionSchema = z.object({
  assessmentId: z.uuid("Unknown assessment."),
  questionId: z.string("Choose a next step.").regex(/^[\w.-]{1,80}$/, "That question is not in this assessment's model."),
});
export type AddStepActionInput = z.output<typeof addStepActionSchema>;

export const moveActionSchema = z.object({ actionId: z.uuid("Unknown action."), direction: z.enum(["up", "down"], "Move it up or down.") });
export type MoveActionInput = z.output<typeof moveActionSchema>;

export const addAnnotationSchema = z.object({
  teamId: z.uuid("Unknown team."),
  on: daySchema("the date of the note"),
  text: nameSchema({ what: "A note", max: ANNOTATION_MAX, missing: "Write what happened, e.g. “moved to Kubernetes”." }),
});
export type AddAnnotationInput = z.output<typeof addAnnotationSchema>;

export const removeAnnotationSchema = z.object({ annotationId: z.uuid("Unknown note.") });
