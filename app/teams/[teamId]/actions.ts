"use server";

import { redirect } from "next/navigation";
import { startAssessment } from "@/db/queries/assessments";
import { startAssessmentSchema } from "@/lib/validation/assessment";
import { formAction } from "@/server/action";

export const startAssessmentAction = formAction(startAssessmentSchema, async ({ teamId, modelId }, { organisation }) => {
  const assessmentId = await startAssessment(organisation.id, teamId, modelId);
  redirect(`/teams/${teamId}/assessments/${assessmentId}`);
});
