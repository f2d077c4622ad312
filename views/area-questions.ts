import "server-only";
import type { Ctx } from "@/db/context";
import { notFoundError } from "@/lib/errors";
import { areaQuestions, type QuestionText } from "@/lib/model/questionnaire";
import { findAssessment, requireIds } from "./find";

/** The text of one area's questions, for whoever may see the assessment. */
export async function areaQuestionsView(ctx: Ctx, ids: { teamId: string; assessmentId: string; areaId: string }): Promise<QuestionText[]> {
  requireIds(ids.teamId, ids.assessmentId);
  const assessment = await findAssessment(ctx, ids.teamId, ids.assessmentId);
  const questions = areaQuestions(assessment.model, ids.areaId);
  if (!questions) throw notFoundError("The area");
  return questions;
}
