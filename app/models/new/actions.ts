"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { publishModel } from "@/db/queries/model-publish";
import { requirePermission } from "@/db/queries/access";
import { parseModel, type ModelProblem } from "@/lib/model/parse";
import type { Model } from "@/lib/model/schema";
import { modelUploadSchema } from "@/lib/validation/models";
import { formAction } from "@/server/action";

export type ModelCheck = { problems: ModelProblem[]; model?: undefined } | { problems: []; model: Model };

/** Checks a model's text (problems with their lines, or the model to preview); publishes it when asked and it is valid. */
export const modelUploadAction = formAction("member", modelUploadSchema, async ({ source, intent }, { ctx }): Promise<ModelCheck> => {
  requirePermission(ctx, "models.publish");
  const parsed = parseModel(source, "model");
  if (!parsed.ok) return { problems: parsed.problems };
  if (intent === "check") return { problems: [], model: parsed.model };
  const published = await publishModel(ctx, { model: parsed.model, source });
  revalidatePath("/models");
  redirect(`/models/${published.modelId}?version=${published.version}&published=${published.created ? "new" : "same"}`);
});
