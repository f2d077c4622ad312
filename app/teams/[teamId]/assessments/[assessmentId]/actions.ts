"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { submitAssessment } from "@/db/queries/assessments";
import { submitAssessmentSchema } from "@/lib/validation/assessment";
import { action } from "@/server/action";

export const submitAssessmentAction = action("member", submitAssessmentSchema, async ({ assessmentId }, { ctx }) => {
  const { teamId } = await submitAssessment(ctx, assessmentId);
  revalidatePath("/teams", "layout");
  redirect(`/teams/${teamId}/assessments/${assessmentId}/results`);
});
