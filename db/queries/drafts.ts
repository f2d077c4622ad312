import "server-only";
import { and, eq } from "drizzle-orm";
import { AppError, notFoundError } from "@/lib/errors";
import type { Model } from "@/lib/model/schema";
import type { RespondentMode } from "@/lib/respondents";
import type { TxCtx } from "../context";
import { assessments } from "../schema";
import { forbidden, teamPermits } from "./access";
import { getModelVersion } from "./model-versions";

/**
 * Inside a write's transaction: the draft stays a draft, and the actor in its team, until the write
 * commits (a submission waits). Refuses another organisation's assessment as not found, an actor
 * outside the team, and a submitted assessment with `readOnly`; returns the draft's way of
 * answering and its model.
 */
export async function lockEditableDraft(ctx: TxCtx, assessmentId: string, readOnly: string): Promise<{ respondents: RespondentMode; model: Model }> {
  const [draft] = await ctx.db
    .select({
      status: assessments.status,
      respondents: assessments.respondents,
      modelVersionId: assessments.modelVersionId,
      permitted: teamPermits(ctx, "assessments.edit", assessments.teamId).mapWith(Boolean),
    })
    .from(assessments)
    .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.id, assessmentId)))
    .for("share");
  if (!draft) throw notFoundError("The assessment");
  if (!draft.permitted) throw forbidden("assessments.edit");
  if (draft.status !== "draft") throw new AppError("read_only", readOnly);
  const model = await getModelVersion(ctx.db, draft.modelVersionId);
  if (!model) throw notFoundError("The assessment's model");
  return { respondents: draft.respondents, model };
}
