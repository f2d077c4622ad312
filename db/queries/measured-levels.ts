import "server-only";
import { and, eq } from "drizzle-orm";
import type { AnswerValue } from "@/lib/answer";
import { quarterOf, quarterStart } from "@/lib/dashboard/quarter";
import { measuredAnswers, measuredQuestions, type MeasuredAnswer } from "@/lib/delivery/measured-answers";
import { measuredQuarter } from "@/lib/delivery/measured-level";
import type { Model } from "@/lib/model/schema";
import { can } from "@/lib/permissions";
import type { Ctx } from "../context";
import { measuredLevels, measuredLevelSettings } from "../schema";
import { withTransaction } from "../transaction";
import { actorRoleNow, forbidden, requirePermission } from "./access";
import { recordAudit } from "./audit";
import { deliveryMetricsOf } from "./delivery-metrics";

// Measured levels reach stored scores at submission: the quarter before it is measured once, the
// result is kept beside the scores, and a capped answer counts as its measured level. Measuring
// then (not when the page is read) keeps a stored score one fixed figure that the kept row explains,
// however late events or a later change of the organisation's choice move the quarter's metrics.

export type StoredMeasuredLevel = Omit<MeasuredAnswer, "areaId" | "answered" | "above"> & { capped: boolean };

/** Whether the measured level caps answers in the organisation's scores. */
export async function measuredLevelsCap(ctx: Ctx): Promise<boolean> {
  const [row] = await ctx.db
    .select({ capsAnswers: measuredLevelSettings.capsAnswers })
    .from(measuredLevelSettings)
    .where(eq(measuredLevelSettings.organisationId, ctx.organisationId));
  return row?.capsAnswers ?? false;
}

/** Owners and admins, by their role now, choose whether measured levels cap answers in scores of assessments submitted from now on. */
export async function setMeasuredLevelsCap(ctx: Ctx, capsAnswers: boolean): Promise<void> {
  requirePermission(ctx, "teams.manage");
  await withTransaction(ctx, async (ctx) => {
    const role = await actorRoleNow(ctx);
    if (!role || !can(role, "teams.manage")) throw forbidden("teams.manage");
    const values = { capsAnswers, updatedAt: new Date() };
    await ctx.db
      .insert(measuredLevelSettings)
      .values({ organisationId: ctx.organisationId, ...values })
      .onConflictDoUpdate({ target: measuredLevelSettings.organisationId, set: values });
    await recordAudit(ctx, {
      action: "organisation.measured_levels_set",
      summary: capsAnswers
        ? "Measured levels cap answers in the scores of assessments submitted from now on"
        : "Measured levels are shown beside answers without changing scores",
      detail: { capsAnswers },
    });
  });
}

/**
 * Measures an assessment's measured questions as it is submitted, inside the submitting transaction
 * (which has decided the actor may submit for the team), keeps what was measured, and returns the
 * caps its scores apply: the measured levels, where the organisation chose that they cap answers.
 */
export async function measureAtSubmission(
  ctx: Ctx,
  at: { assessmentId: string; teamId: string; model: Model; given: ReadonlyMap<string, AnswerValue>; submittedAt: Date },
): Promise<{ questionId: string; level: number }[]> {
  if (measuredQuestions(at.model).length === 0) return [];
  const quarter = measuredQuarter(quarterOf(at.submittedAt));
  const metrics = (await deliveryMetricsOf(ctx, at.teamId, quarterStart(quarter))).find((m) => m.quarter === quarter);
  const measured = measuredAnswers(at.model, at.given, quarter, metrics);
  if (measured.length === 0) return [];
  const caps = await measuredLevelsCap(ctx);
  await ctx.db.delete(measuredLevels).where(eq(measuredLevels.assessmentId, at.assessmentId));
  await ctx.db.insert(measuredLevels).values(
    measured.map((m) => ({
      assessmentId: at.assessmentId,
      organisationId: ctx.organisationId,
      questionId: m.questionId,
      metric: m.metric,
      quarter: m.quarter,
      metricValue: m.metricValue,
      level: m.level,
      capped: caps && m.above,
    })),
  );
  return caps ? measured : [];
}

/** What was measured when an assessment was submitted, in no particular order. */
export async function listMeasuredLevels(ctx: Ctx, assessmentId: string): Promise<StoredMeasuredLevel[]> {
  return ctx.db
    .select({
      questionId: measuredLevels.questionId,
      metric: measuredLevels.metric,
      quarter: measuredLevels.quarter,
      metricValue: measuredLevels.metricValue,
      level: measuredLevels.level,
      capped: measuredLevels.capped,
    })
    .from(measuredLevels)
    .where(and(eq(measuredLevels.organisationId, ctx.organisationId), eq(measuredLevels.assessmentId, assessmentId)));
}
