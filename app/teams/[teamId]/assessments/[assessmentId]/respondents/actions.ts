"use server";

import { revalidatePath } from "next/cache";
import { followMedian, setTeamAnswer } from "@/db/queries/respondents";
import { followMedianSchema, teamAnswerFormSchema } from "@/lib/validation/assessment";
import { formAction } from "@/server/action";

/** The lead sets a question's team answer, with a note. */
export const setTeamAnswerAction = formAction("member", teamAnswerFormSchema, async (input, { ctx }) => {
  const savedAt = await setTeamAnswer(ctx, input);
  revalidatePath("/teams", "layout");
  return { savedAt: savedAt.toISOString() };
});

/** The lead gives a question's team answer back to the respondents' median. */
export const followMedianAction = formAction("member", followMedianSchema, async ({ assessmentId, questionId }, { ctx }) => {
  await followMedian(ctx, assessmentId, questionId);
  revalidatePath("/teams", "layout");
  return { questionId };
});
