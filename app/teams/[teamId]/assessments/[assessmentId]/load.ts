import "server-only";
import { notFound } from "next/navigation";
import { getAssessment } from "@/db/queries/assessments";
import { isUuid } from "@/lib/validation/ids";
import { allowed } from "@/server/authorize";
import { requireViewer } from "@/server/session";

/** The assessment named in the URL, if it belongs to the viewer's organisation and the team in the URL, and the viewer may see it. */
export async function loadAssessment(params: Promise<{ teamId: string; assessmentId: string }>) {
  const { teamId, assessmentId } = await params;
  const viewer = await requireViewer();
  if (!isUuid(teamId) || !isUuid(assessmentId)) notFound();
  const assessment = await getAssessment(viewer.organisation.id, assessmentId);
  if (!assessment || assessment.teamId !== teamId) notFound();
  // Drafts are never visible outside the team.
  if (assessment.status === "draft" && !(await allowed(viewer, "drafts.read", teamId))) notFound();
  return assessment;
}
