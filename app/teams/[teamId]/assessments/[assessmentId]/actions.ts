"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { submitAssessment } from "@/db/queries/assessments";
import { saveAnswer } from "@/db/queries/answers";
import { saveAnswerSchema, submitAssessmentSchema } from "@/lib/validation/assessment";
import { action } from "@/server/action";

/** Autosave: one answer at a time, as it is chosen. Returns when it was saved. */
export const saveAnswerAction = action(saveAnswerSchema, async (input, { organisation }) => {
  const savedAt = await saveAnswer(organisation.id, input);
  return { savedAt: savedAt.toISOString() };
});

export const submitAssessmentAction = action(submitAssessmentSchema, async ({ assessmentId }, { organisation }) => {
  const { teamId } = await submitAssessment(organisation.id, assessmentId);
  revalidatePath("/teams", "layout");
  redirect(`/teams/${teamId}/assessments/${assessmentId}/results`);
});
