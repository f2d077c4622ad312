import "server-only";
import { notFound } from "next/navigation";
import { getAssessment } from "@/db/queries/assessments";
import { isUuid } from "@/lib/validation/ids";
import { requireMember } from "@/server/session";

/**
 * The assessment named in the URL, if it belongs to the viewer's organisation and the team in the
 * URL, and the viewer may see it (drafts are never visible outside the team: the query decides).
 */
export async function loadAssessment(params: Promise<{ teamId: string; assessmentId: string }>) {
  const { teamId, assessmentId } = await params;
  const { ctx } = await requireMember();
  if (!isUuid(teamId) || !isUuid(assessmentId)) notFound();
  const assessment = await getAssessment(ctx, assessmentId);
  if (!assessment || assessment.teamId !== teamId) notFound();
  return { ctx, assessment };
}
