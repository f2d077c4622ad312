"use server";

import { redirect } from "next/navigation";
import { startAssessment } from "@/db/queries/assessments";
import { startAssessmentSchema } from "@/lib/validation/assessment";
import { formAction } from "@/server/action";

export const startAssessmentAction = formAction("member", startAssessmentSchema, async ({ teamId, modelId, respondents, from }, { ctx }) => {
  const assessmentId = await startAssessment(ctx, teamId, modelId, { respondents, from });
  redirect(`/teams/${teamId}/assessments/${assessmentId}`);
});
