import { getAssessment } from "@/db/queries/assessments";
import { notFoundError } from "@/lib/errors";
import { areaQuestions } from "@/lib/model/questionnaire";
import { isUuid } from "@/lib/validation/ids";
import { route } from "@/server/route";

type Params = { teamId: string; assessmentId: string; areaId: string };

/**
 * The text of one area's questions, for the questionnaire as it reaches that area. Whoever may see
 * the assessment may read it; a model version never changes, so the browser keeps it for a day.
 */
export const GET = route("member", async (_request, { ctx }, { teamId, assessmentId, areaId }: Params) => {
  const assessment = isUuid(teamId) && isUuid(assessmentId) ? await getAssessment(ctx, assessmentId) : undefined;
  if (!assessment || assessment.teamId !== teamId) throw notFoundError("The assessment");
  const questions = areaQuestions(assessment.model, areaId);
  if (!questions) throw notFoundError("The area");
  return Response.json(questions, { headers: { "cache-control": "private, max-age=86400" } });
});
