"use server";

import { revalidatePath } from "next/cache";
import { addAnnotation, removeAnnotation } from "@/db/queries/annotations";
import { addAnnotationSchema, removeAnnotationSchema } from "@/lib/validation/improvement";
import { formAction } from "@/server/action";

export const addAnnotationAction = formAction("member", addAnnotationSchema, async (input, { ctx }) => {
  const created = await addAnnotation(ctx, input);
  revalidatePath(`/teams/${input.teamId}/trend`);
  return created;
});

export const removeAnnotationAction = formAction("member", removeAnnotationSchema, async ({ annotationId }, { ctx }) => {
  const { teamId } = await removeAnnotation(ctx, annotationId);
  revalidatePath(`/teams/${teamId}/trend`);
  return { annotationId };
});
