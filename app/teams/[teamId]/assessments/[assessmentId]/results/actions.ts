"use server";

import { revalidatePath } from "next/cache";
import { createAction, moveAction, updateAction } from "@/db/queries/improvement-actions";
import { setTarget } from "@/db/queries/targets";
import { createActionSchema, moveActionSchema, setTargetSchema, updateActionSchema } from "@/lib/validation/improvement";
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
