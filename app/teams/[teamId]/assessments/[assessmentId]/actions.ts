"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { saveAnswer } from "@/db/queries/answers";
import { submitAssessment } from "@/db/queries/assessments";
import { saveAnswerSchema, submitAssessmentSchema } from "@/lib/validation/assessment";
import { action } from "@/server/action";

/** Autosave: one answer at a time, as it is chosen. Returns when it was saved. */
export const saveAnswerAction = action("member", saveAnswerSchema, async (input, { ctx }) => {
  const savedAt = await saveAnswer(ctx, input);
  return { savedAt: savedAt.toISOString() };
});

export const submitAssessmentAction = action("member", submitAssessmentSchema, async ({ assessmentId }, { ctx }) => {
  const { teamId } = await submitAssessment(ctx, assessmentId);
  revalidatePath("/teams", "layout");
  redirect(`/teams/${teamId}/assessments/${assessmentId}/results`);
});
