"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { submitAssessment } from "@/db/queries/assessments";
import { confirmCarried } from "@/db/queries/carry";
import { removeEvidence, saveEvidence } from "@/db/queries/evidence";
import { now } from "@/lib/clock";
import { evidenceAt } from "@/lib/evidence/stored";
import { removeEvidenceSchema, saveEvidenceSchema } from "@/lib/validation/evidence";
import { confirmCarriedSchema, submitAssessmentSchema } from "@/lib/validation/assessment";
import { action, formAction } from "@/server/action";

export const submitAssessmentAction = action("member", submitAssessmentSchema, async ({ assessmentId }, { ctx }) => {
  const { teamId } = await submitAssessment(ctx, assessmentId);
  revalidatePath("/teams", "layout");
  redirect(`/teams/${teamId}/assessments/${assessmentId}/results`);
});

/** "Nothing changed in this area": every carried answer of the area still to review is confirmed as it is. */
export const confirmCarriedAction = action("member", confirmCarriedSchema, async ({ assessmentId, areaId }, { ctx }) =>
  confirmCarried(ctx, assessmentId, areaId),
);

/** An answer's evidence, saved or replaced; answered with its state on the server's clock. */
export const saveEvidenceAction = formAction("member", saveEvidenceSchema, async (input, { ctx }) => {
  const saved = evidenceAt(await saveEvidence(ctx, input), now());
  revalidatePath("/teams", "layout");
  return saved;
});

export const removeEvidenceAction = formAction("member", removeEvidenceSchema, async (input, { ctx }) => {
  await removeEvidence(ctx, input);
  revalidatePath("/teams", "layout");
});
