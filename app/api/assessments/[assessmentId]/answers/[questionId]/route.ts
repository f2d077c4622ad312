import { saveAnswer } from "@/db/queries/answers";
import { saveAnswerSchema } from "@/lib/validation/assessment";
import { readJson } from "@/server/json-body";
import { route } from "@/server/route";

/**
 * The questionnaire's autosave: sets the answer to one question of a draft (a JSON object with the
 * answer and its note). Sending the same answer again changes nothing, so a save that timed out is
 * simply sent again. Answers when it was saved.
 */
export const PUT = route("member", async (request, { ctx }, params: { assessmentId: string; questionId: string }) => {
  const input = await readJson(request, saveAnswerSchema, "An answer", params);
  const savedAt = await saveAnswer(ctx, input);
  return Response.json({ savedAt: savedAt.toISOString() }, { headers: { "Cache-Control": "no-store" } });
});
