"use server";

import { redirect } from "next/navigation";
import { startAssessment } from "@/db/queries/assessments";
import { startAssessmentSchema } from "@/lib/validation/assessment";
import { formAction } from "@/server/action";
import { authorize } from "@/server/authorize";

export const startAssessmentAction = formAction(startAssessmentSchema, async ({ teamId, modelId }, { viewer }) => {
  await authorize(viewer, "assessments.edit", teamId);
  const assessmentId = await startAssessment(viewer.organisation.id, teamId, modelId);
  redirect(`/teams/${teamId}/assessments/${assessmentId}`);
});
