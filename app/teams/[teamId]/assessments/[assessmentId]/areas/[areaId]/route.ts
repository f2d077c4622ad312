import { route } from "@/server/route";
import { areaQuestionsView } from "@/views/area-questions";

type Params = { teamId: string; assessmentId: string; areaId: string };

/**
 * The text of one area's questions, for the questionnaire as it reaches that area. Whoever may see
 * the assessment may read it; a model version never changes, so the browser keeps it for a day.
 */
export const GET = route("member", async (_request, { ctx }, ids: Params) => {
  return Response.json(await areaQuestionsView(ctx, ids), { headers: { "cache-control": "private, max-age=86400" } });
});
