import "server-only";
import { and, eq } from "drizzle-orm";
import { matchQuestions } from "@/lib/model/changes";
import type { Model } from "@/lib/model/schema";
import type { Ctx } from "../context";
import { answerEvidence, assessments } from "../schema";
import { getModelVersion } from "./model-versions";

/**
 * Inside the transaction that starts a draft from a submitted assessment: each question the draft
 * shares with it (by id or by the id it replaces) starts with that answer's evidence and its dates,
 * so evidence lapses when it lapses, not when a new cycle starts.
 */
export async function carryEvidence(ctx: Ctx, draftId: string, sourceId: string, model: Model): Promise<void> {
  const [source] = await ctx.db
    .select({ modelVersionId: assessments.modelVersionId })
    .from(assessments)
    .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.id, sourceId)));
  const sourceModel = source && (await getModelVersion(ctx.db, source.modelVersionId));
  if (!sourceModel) return;
  const rows = await ctx.db
    .select({
      questionId: answerEvidence.questionId,
      items: answerEvidence.items,
      effectiveOn: answerEvidence.effectiveOn,
      validFor: answerEvidence.validFor,
      expiresOn: answerEvidence.expiresOn,
      updatedBy: answerEvidence.updatedBy,
      updatedAt: answerEvidence.updatedAt,
    })
    .from(answerEvidence)
    .where(and(eq(answerEvidence.organisationId, ctx.organisationId), eq(answerEvidence.assessmentId, sourceId)));
  if (rows.length === 0) return;
  const byEarlierId = new Map(rows.map((row) => [row.questionId, row]));
  const carried = [...matchQuestions(sourceModel, model)].flatMap(([questionId, earlierId]) => {
    const evidence = byEarlierId.get(earlierId);
    return evidence ? [{ ...evidence, questionId, organisationId: ctx.organisationId, assessmentId: draftId }] : [];
  });
  if (carried.length > 0) await ctx.db.insert(answerEvidence).values(carried);
}
