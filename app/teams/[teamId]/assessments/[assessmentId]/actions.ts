"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { submitAssessment } from "@/db/queries/assessments";
import { confirmCarried } from "@/db/queries/carry";
import { confirmCarriedSchema, submitAssessmentSchema } from "@/lib/validation/assessment";
import { action } from "@/server/action";

export const submitAssessmentAction = action("member", submitAssessmentSchema, async ({ assessmentId }, { ctx }) => {
  const { teamId } = await submitAssessment(ctx, assessmentId);
  revalidatePath("/teams", "layout");
  redirect(`/teams/${teamId}/assessments/${assessmentId}/results`);
});

/** "Nothing changed in this area": every carried answer of the area still to review is confirmed as it is. */
export const confirmCarriedAction = action("member", confirmCarriedSchema, async ({ assessmentId, areaId }, { ctx }) =>
  confirmCarried(ctx, assessmentId, areaId),
);
