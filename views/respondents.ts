import "server-only";
import type { Ctx } from "@/db/context";
import { getRespondentsView } from "@/db/queries/respondents";
import { notFoundError } from "@/lib/errors";
import type { Model } from "@/lib/model/schema";
import { byRespondents, leads } from "@/lib/respondents";
import type { RespondentsView as Responses } from "@/lib/respondents-view";
import { findAssessment, requireIds } from "./find";

export type RespondentsView = {
  assessmentId: string;
  teamId: string;
  teamName: string;
  model: Pick<Model, "name" | "scale" | "scoring">;
  draft: boolean;
  responses: Responses & { stillReviewing: number };
};

/** Everyone's answers to an assessment answered by each member, for its lead only (others: not found). */
export async function respondentsView(ctx: Ctx, ids: { teamId: string; assessmentId: string }): Promise<RespondentsView> {
  requireIds(ids.teamId, ids.assessmentId);
  const assessment = await findAssessment(ctx, ids.teamId, ids.assessmentId);
  if (!byRespondents(assessment.respondents) || !leads(ctx.actor, assessment.openedBy)) throw notFoundError("The team answers");
  return {
    assessmentId: assessment.id,
    teamId: assessment.teamId,
    teamName: assessment.teamName,
    model: { name: assessment.model.name, scale: assessment.model.scale, ...(assessment.model.scoring && { scoring: assessment.model.scoring }) },
    draft: assessment.status === "draft",
    responses: await getRespondentsView(ctx, assessment.id),
  };
}
