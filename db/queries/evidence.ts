import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { dayOf, expiresOn } from "@/lib/evidence/expiry";
import type { StoredEvidence } from "@/lib/evidence/stored";
import { validityText } from "@/lib/evidence/validity";
import { formatDate } from "@/lib/format";
import { findQuestion } from "@/lib/model/lookup";
import type { SaveEvidenceInput } from "@/lib/validation/evidence";
import type { Ctx, TxCtx } from "../context";
import { withTransaction } from "../transaction";
import { answerEvidence, assessments } from "../schema";
import { requirePermission, requirePermissionOnSomeTeam } from "./access";
import { recordAudit } from "./audit";
import { lockEditableDraft } from "./drafts";
import { visibleToActor } from "./visible-assessments";

// The evidence behind a team answer: who may edit the answer may edit its evidence, on a draft only
// (a submitted assessment never changes). Whether it is stale is decided where it is read, against
// the clock (lib/clock.ts).

export const evidenceColumns = {
  questionId: answerEvidence.questionId,
  items: answerEvidence.items,
  effectiveOn: answerEvidence.effectiveOn,
  validFor: answerEvidence.validFor,
  expiresOn: answerEvidence.expiresOn,
};

const READ_ONLY = "This assessment has been submitted and is read-only. Start a new assessment to record new evidence.";

/** Locks the draft for the write (a submission waits), refusing unless the actor may edit it and it has this question. */
async function lockDraftFor(ctx: TxCtx, assessmentId: string, questionId: string): Promise<void> {
  const { model } = await lockEditableDraft(ctx, assessmentId, READ_ONLY);
  if (!findQuestion(model, questionId)) throw new AppError("invalid_input", `“${questionId}” is not a question of this assessment.`);
}

/** Saves (or replaces) the evidence of one answer of a draft. */
export async function saveEvidence(ctx: Ctx, input: SaveEvidenceInput): Promise<StoredEvidence> {
  requirePermissionOnSomeTeam(ctx, "assessments.edit");
  const today = dayOf(now());
  if (input.effectiveOn > today)
    throw new AppError("invalid_input", "Evidence cannot take effect in the future.", {
      effectiveOn: [`Give the day it took effect: today (${formatDate(today)}) or earlier.`],
    });
  const values = { items: input.items, effectiveOn: input.effectiveOn, validFor: input.validFor, expiresOn: expiresOn(input.effectiveOn, input.validFor) };
  return withTransaction(ctx, async (ctx) => {
    await lockDraftFor(ctx, input.assessmentId, input.questionId);
    const set = { ...values, updatedBy: ctx.actor.kind === "member" ? ctx.actor.userId : null, updatedAt: new Date() };
    const [saved] = await ctx.db
      .insert(answerEvidence)
      .values({ organisationId: ctx.organisationId, assessmentId: input.assessmentId, questionId: input.questionId, ...set })
      .onConflictDoUpdate({ target: [answerEvidence.assessmentId, answerEvidence.questionId], set })
      .returning(evidenceColumns);
    await recordAudit(ctx, {
      action: "evidence.saved",
      summary: `Evidence for “${input.questionId}” saved: effective ${formatDate(values.effectiveOn)}, valid for ${validityText(values.validFor)}`,
      detail: { assessmentId: input.assessmentId, ...values },
    });
    return saved!;
  });
}

/** Removes the evidence of one answer of a draft; true when there was some. */
export async function removeEvidence(ctx: Ctx, input: { assessmentId: string; questionId: string }): Promise<boolean> {
  requirePermissionOnSomeTeam(ctx, "assessments.edit");
  return withTransaction(ctx, async (ctx) => {
    await lockDraftFor(ctx, input.assessmentId, input.questionId);
    const removed = await ctx.db
      .delete(answerEvidence)
      .where(and(eq(answerEvidence.assessmentId, input.assessmentId), eq(answerEvidence.questionId, input.questionId)))
      .returning({ id: answerEvidence.id });
    if (removed.length > 0) await recordAudit(ctx, { action: "evidence.removed", summary: `Evidence for “${input.questionId}” removed`, detail: { ...input } });
    return removed.length > 0;
  });
}

/** The evidence of an assessment's answers, where the actor may see the assessment (drafts only within the team). */
export async function evidenceOf(ctx: Ctx, assessmentId: string): Promise<StoredEvidence[]> {
  requirePermission(ctx, "results.read");
  return ctx.db
    .select(evidenceColumns)
    .from(answerEvidence)
    .innerJoin(assessments, eq(assessments.id, answerEvidence.assessmentId))
    .where(and(eq(answerEvidence.organisationId, ctx.organisationId), eq(answerEvidence.assessmentId, assessmentId), visibleToActor(ctx)))
    .orderBy(asc(answerEvidence.expiresOn));
}
