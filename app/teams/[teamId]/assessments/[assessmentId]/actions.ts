"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { submitAssessment } from "@/db/queries/assessments";
import { assessmentFacts, saveAnswer } from "@/db/queries/answers";
import { saveAnswerSchema, submitAssessmentSchema } from "@/lib/validation/assessment";
import { action } from "@/server/action";
import { authorize } from "@/server/authorize";

/** Autosave: one answer at a time, as it is chosen. Returns when it was saved. */
export const saveAnswerAction = action(saveAnswerSchema, async (input, { viewer }) => {
  const { teamId } = await assessmentFacts(viewer.organisation.id, input.assessmentId);
  await authorize(viewer, "assessments.edit", teamId);
  const savedAt = await saveAnswer(viewer.organisation.id, input);
  return { savedAt: savedAt.toISOString() };
});

export const submitAssessmentAction = action(submitAssessmentSchema, async ({ assessmentId }, { viewer }) => {
  const { teamId } = await assessmentFacts(viewer.organisation.id, assessmentId);
  await authorize(viewer, "assessments.edit", teamId);
  await submitAssessment(viewer.organisation.id, assessmentId, viewer.user.id);
  revalidatePath("/teams", "layout");
  redirect(`/teams/${teamId}/assessments/${assessmentId}/results`);
});
