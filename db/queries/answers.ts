import "server-only";
import { and, eq } from "drizzle-orm";
import { AppError, notFound } from "@/lib/errors";
import { findQuestion, scaleBounds } from "@/lib/model/lookup";
import type { SaveAnswerInput } from "@/lib/validation/assessment";
import { getDb } from "../client";
import { answers, assessments } from "../schema";
import { getModelVersion } from "./model-versions";

/** Saves (or replaces) the answer to one question of a draft assessment. Returns when it was saved. */
export async function saveAnswer(organisationId: string, input: SaveAnswerInput): Promise<Date> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // A shared lock lets answers save side by side while a submission waits for them.
    const [assessment] = await tx
      .select({ status: assessments.status, modelVersionId: assessments.modelVersionId })
      .from(assessments)
      .where(and(eq(assessments.organisationId, organisationId), eq(assessments.id, input.assessmentId)))
      .for("share");
    if (!assessment) throw notFound("The assessment");
    if (assessment.status === "submitted") {
      throw new AppError("read_only", "This assessment has been submitted and is read-only. Start a new assessment to record changes.");
    }
    const model = await getModelVersion(assessment.modelVersionId, tx);
    if (!model) throw notFound("The assessment's model");
    if (!findQuestion(model, input.questionId)) {
      throw new AppError("invalid_input", `“${input.questionId}” is not a question of ${model.name} ${model.version}.`);
    }
    const { answer } = input;
    if (answer.kind === "level" && !model.scale.some((l) => l.value === answer.level)) {
      const { min, max } = scaleBounds(model);
      throw new AppError("invalid_input", `Level ${answer.level} is not on this model's scale (${min} to ${max}).`);
    }
    const values = {
      kind: answer.kind,
      level: answer.kind === "level" ? answer.level : null,
      reason: answer.kind === "not_applicable" ? answer.reason : null,
      note: input.note,
      updatedAt: new Date(),
    };
    const [saved] = await tx
      .insert(answers)
      .values({ organisationId, assessmentId: input.assessmentId, questionId: input.questionId, ...values })
      .onConflictDoUpdate({ target: [answers.assessmentId, answers.questionId], set: values })
      .returning({ updatedAt: answers.updatedAt });
    return saved!.updatedAt;
  });
}
