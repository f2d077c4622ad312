import "server-only";
import type { Ctx } from "@/db/context";
import { loadWorkshopRows } from "@/db/queries/workshop-view";
import { latestWorkshop, workshopAudience } from "@/db/queries/workshops";
import { AppError } from "@/lib/errors";
import { questionsOf } from "@/lib/model/lookup";
import { allows } from "@/lib/permissions";
import { workshopView } from "@/lib/workshop/view";
import { findAssessment, requireIds } from "./find";

type Running = {
  id: string;
  joinCode: string;
  /** The facilitator's console, for whoever runs it; others follow the presenter view. */
  console: { initial: ReturnType<typeof workshopView>; questions: { id: string; label: string }[] } | null;
};

export type AssessmentWorkshopView = {
  assessmentId: string;
  teamId: string;
  teamName: string;
  canRun: boolean;
  /** The workshop running on the assessment, if one is. */
  running: Running | null;
  /** The last one, once it has ended: its report stays readable. */
  endedId: string | null;
};

/**
 * The facilitator's page of a draft assessment run as a live workshop: the one running with its
 * console, or the last one that ended. A submitted assessment is refused as read-only.
 */
export async function assessmentWorkshopView(ctx: Ctx, ids: { teamId: string; assessmentId: string }): Promise<AssessmentWorkshopView> {
  requireIds(ids.teamId, ids.assessmentId);
  const [assessment, latest] = await Promise.all([findAssessment(ctx, ids.teamId, ids.assessmentId), latestWorkshop(ctx, ids.assessmentId)]);
  if (assessment.status === "submitted") throw new AppError("read_only", "This assessment is submitted: its workshop is over.");
  const live = latest && !latest.ended ? latest : undefined;
  const [rows, audience] = live ? await Promise.all([loadWorkshopRows(ctx, live.id), workshopAudience(ctx, live.id)]) : [];
  return {
    assessmentId: assessment.id,
    teamId: assessment.teamId,
    teamName: assessment.teamName,
    canRun: allows(ctx.actor, "assessments.edit", assessment.scope),
    running:
      live && rows
        ? {
            id: live.id,
            joinCode: live.joinCode,
            console:
              audience === "facilitator"
                ? {
                    initial: workshopView(rows, "facilitator"),
                    questions: questionsOf(rows.model).map((q) => ({ id: q.question.id, label: `${q.index + 1}. ${q.area.name} · ${q.question.title}` })),
                  }
                : null,
          }
        : null,
    endedId: latest?.ended ? latest.id : null,
  };
}
