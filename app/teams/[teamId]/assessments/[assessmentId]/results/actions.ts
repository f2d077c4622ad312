"use server";

import { revalidatePath } from "next/cache";
import { createAction, createActionFromStep, moveAction, updateAction } from "@/db/queries/improvement-actions";
import { setTarget } from "@/db/queries/targets";
import { addStepActionSchema, createActionSchema, moveActionSchema, setTargetSchema, updateActionSchema } from "@/lib/validation/improvement";
import { formAction } from "@/server/action";

// Targets and actions show on the results, the team page, the trend and the next questionnaire.
const revalidateTeamPages = () => revalidatePath("/teams", "layout");

export const setTargetAction = formAction("member", setTargetSchema, async (input, { ctx }) => {
  const target = await setTarget(ctx, input);
  revalidateTeamPages();
  return { level: target.level, dueOn: target.dueOn };
});

export const createActionAction = formAction("member", createActionSchema, async (input, { ctx }) => {
  const created = await createAction(ctx, input);
  revalidateTeamPages();
  return created;
});

/** A next step of the results page becomes an action in one click (or names the open action it already is). */
export const addStepActionAction = formAction("member", addStepActionSchema, async (input, { ctx }) => {
  const added = await createActionFromStep(ctx, input);
  revalidateTeamPages();
  return added;
});

export const updateActionAction = formAction("member", updateActionSchema, async (input, { ctx }) => {
  await updateAction(ctx, input);
  revalidateTeamPages();
  return { id: input.actionId };
});

export const moveActionAction = formAction("member", moveActionSchema, async (input, { ctx }) => {
  await moveAction(ctx, input);
  revalidateTeamPages();
  return { direction: input.direction };
});
