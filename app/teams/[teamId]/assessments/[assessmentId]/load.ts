import "server-only";
import { notFound } from "next/navigation";
import { getAssessment } from "@/db/queries/assessments";
import { isUuid } from "@/lib/validation/ids";
import { requireOrganisation } from "@/server/current-organisation";

/** The assessment named in the URL, if it belongs to the organisation and to the team in the URL. */
export async function loadAssessment(params: Promise<{ teamId: string; assessmentId: string }>) {
  const { teamId, assessmentId } = await params;
  const organisation = await requireOrganisation();
  if (!isUuid(teamId) || !isUuid(assessmentId)) notFound();
  const assessment = await getAssessment(organisation.id, assessmentId);
  if (!assessment || assessment.teamId !== teamId) notFound();
  return assessment;
}
