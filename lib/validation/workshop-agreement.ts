import { z } from "zod";
import { AGREED_ACTIONS_MAX, type AgreedAction } from "../workshop/agreement";
import { daySchema, optionalDay, optionalText } from "./improvement";
import { ACTION_TITLE_MAX, PERSON_NAME_MAX } from "./limits";
import { storableText } from "./text";

const slots = Array.from({ length: AGREED_ACTIONS_MAX }, (_, i) => i + 1);

/** One action's three fields as the form names them: action1Title, action1Owner, action1Due… */
const actionFields = Object.fromEntries(
  slots.flatMap((n) => [
    [`action${n}Title`, optionalText("An action's title", ACTION_TITLE_MAX)],
    [`action${n}Owner`, optionalText("The owner's name", PERSON_NAME_MAX)],
    [`action${n}Due`, optionalDay("the action's due date")],
  ]),
);

/**
 * What the facilitator records as the room's agreement: the area, the target level and date, and
 * one to three first actions (a title each; an owner's name and a due date if given). An owner or
 * a date without a title is refused rather than dropped.
 */
export const recordAgreementSchema = z
  .object({
    workshopId: z.uuid("Unknown workshop."),
    areaId: storableText("The area", "Choose the area to raise.").regex(/^[\w.-]{1,80}$/, "Choose the area to raise from the list."),
    level: z
      .string("Choose a target level.")
      .regex(/^\d{1,2}$/, "Choose a target level from the list.")
      .transform(Number),
    dueOn: daySchema("the target date"),
    ...actionFields,
  })
  .transform((input, ctx) => {
    const fields = input as unknown as Record<string, string | null>;
    const actions: AgreedAction[] = [];
    for (const n of slots) {
      const [title, ownerText, dueOn] = [fields[`action${n}Title`], fields[`action${n}Owner`], fields[`action${n}Due`]];
      if (title) actions.push({ title: title.replace(/\s+/g, " "), ownerText: ownerText ?? null, dueOn: dueOn ?? null });
      else if (ownerText || dueOn)
        ctx.addIssue({ code: "custom", path: [`action${n}Title`], message: "Give this action a title, or clear its owner and date." });
    }
    if (actions.length === 0) ctx.addIssue({ code: "custom", path: ["action1Title"], message: "Agree at least one first action: give it a title." });
    return { workshopId: input.workshopId, areaId: input.areaId, level: input.level, dueOn: input.dueOn, actions };
  });
export type RecordAgreementInput = z.output<typeof recordAgreementSchema>;

export const agreementFormSchema = z.object({ workshopId: z.uuid("Unknown workshop.") });

/** The actions as stored (jsonb): checked when read, so a row written by hand cannot reach a page malformed. */
export const agreedActionsSchema = z
  .array(z.object({ title: z.string().min(1), ownerText: z.string().nullable(), dueOn: z.string().nullable() }))
  .min(1)
  .max(AGREED_ACTIONS_MAX);
