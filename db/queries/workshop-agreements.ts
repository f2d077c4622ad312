import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { answerFromColumns } from "@/lib/answer";
import { AppError, notFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { scoreDigits, scoreRange } from "@/lib/model/scoring-rules";
import type { Model } from "@/lib/model/schema";
import { scoreAssessment, type AreaScore } from "@/lib/scoring";
import { agreementProblems, agreementText, type Agreement } from "@/lib/workshop/agreement";
import { agreedActionsSchema, type RecordAgreementInput } from "@/lib/validation/workshop-agreement";
import type { Ctx, TxCtx } from "../context";
import { withTransaction } from "../transaction";
import { answers, assessments, workshopAgreements, workshops } from "../schema";
import { requirePermissionOnSomeTeam } from "./access";
import { recordAudit } from "./audit";
import { createAction } from "./improvement-actions";
import { setTarget } from "./targets";
import { getModelVersion } from "./model-versions";
import { lockWorkshop } from "./workshop-state";
import { requireRunner } from "./workshops";

// The next bottleneck a workshop agreed. A workshop runs on a draft, and a target and actions
// belong to a submitted assessment: the agreement is kept with the workshop and becomes the target
// and actions through their ordinary writes when the assessment is submitted (or at once, if it is).

/** Each area's score from the assessment's team answers as they stand (on a submitted one, its stored score). */
export async function areaScoresNow(ctx: Ctx, assessmentId: string, model: Model): Promise<AreaScore[]> {
  const rows = await ctx.db
    .select({ questionId: answers.questionId, kind: answers.kind, level: answers.level, reason: answers.reason })
    .from(answers)
    .where(and(eq(answers.organisationId, ctx.organisationId), eq(answers.assessmentId, assessmentId)));
  return scoreAssessment(model, new Map(rows.map((a) => [a.questionId, answerFromColumns(a)]))).areas;
}

type AgreementRow = typeof workshopAgreements.$inferSelect;

const toAgreement = (row: AgreementRow, model: Model): Agreement => ({
  areaId: row.areaId,
  areaName: model.areas.find((a) => a.id === row.areaId)?.name ?? row.areaId,
  fromScore: row.fromScore,
  level: row.targetLevel,
  dueOn: row.dueOn,
  actions: agreedActionsSchema.parse(row.actions),
  agreedAt: row.agreedAt.toISOString(),
  appliedAt: row.appliedAt?.toISOString() ?? null,
});

/** What a workshop agreed, if anything; for callers that have checked who may see the workshop. */
export async function workshopAgreement(ctx: Ctx, workshopId: string, model: Model): Promise<Agreement | null> {
  const [row] = await ctx.db
    .select()
    .from(workshopAgreements)
    .where(and(eq(workshopAgreements.organisationId, ctx.organisationId), eq(workshopAgreements.workshopId, workshopId)));
  return row ? toAgreement(row, model) : null;
}

/**
 * Records (or changes) what the room agreed: checked against the model and the area's score as
 * the team answers stand, by the one who runs the workshop (or an owner or admin). On an
 * assessment already submitted it becomes its target and actions at once, and is final from then on.
 */
export async function recordAgreement(ctx: Ctx, input: RecordAgreementInput, now = new Date()): Promise<Agreement> {
  requirePermissionOnSomeTeam(ctx, "assessments.edit");
  return withTransaction(ctx, async (ctx) => {
    const [found] = await ctx.db
      .select({ assessmentId: workshops.assessmentId })
      .from(workshops)
      .where(and(eq(workshops.organisationId, ctx.organisationId), eq(workshops.id, input.workshopId)));
    if (!found) throw notFoundError("The workshop");
    // The assessment first, for update: its submission takes the same lock, so the agreement is
    // either applied by the submission or sees it submitted, and the target's write below needs it.
    const [assessment] = await ctx.db
      .select({ status: assessments.status })
      .from(assessments)
      .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.id, found.assessmentId)))
      .for("update");
    if (!assessment) throw notFoundError("The workshop's assessment");
    const w = await lockWorkshop(ctx, input.workshopId, "update");
    await requireRunner(ctx, w);
    const area = w.model.areas.find((a) => a.id === input.areaId);
    if (!area)
      throw new AppError("invalid_input", "That area is not in this assessment's model.", { areaId: ["That area is not in this assessment's model."] });
    const [before] = await ctx.db.select({ appliedAt: workshopAgreements.appliedAt }).from(workshopAgreements).where(eq(workshopAgreements.workshopId, w.id));
    if (before?.appliedAt)
      throw new AppError("read_only", "This agreement is already the target and actions of the submitted assessment: change them on its results.");
    const fromScore = (await areaScoresNow(ctx, w.assessmentId, w.model)).find((a) => a.areaId === area.id)?.score ?? null;
    const problems = agreementProblems(
      { level: input.level, dueOn: input.dueOn, areaName: area.name },
      fromScore,
      scoreRange(w.model),
      now,
      scoreDigits(w.model),
    );
    const first = Object.values(problems).flat()[0];
    if (first) throw new AppError("invalid_input", first, problems);

    const row = {
      organisationId: ctx.organisationId,
      areaId: area.id,
      fromScore,
      targetLevel: input.level,
      dueOn: input.dueOn,
      actions: input.actions,
      agreedAt: now,
      agreedBy: ctx.actor.kind === "member" ? ctx.actor.userId : null,
    };
    await ctx.db
      .insert(workshopAgreements)
      .values({ workshopId: w.id, ...row })
      .onConflictDoUpdate({ target: workshopAgreements.workshopId, set: row });
    await recordAudit(ctx, {
      action: "workshop.agreed",
      summary: `Recorded the workshop's next bottleneck: ${area.name} to level ${input.level} by ${formatDate(input.dueOn)}, ${input.actions.length} first action${input.actions.length === 1 ? "" : "s"}`,
      detail: { workshopId: w.id, assessmentId: w.assessmentId, areaId: area.id, level: input.level, dueOn: input.dueOn },
    });
    if (assessment.status === "submitted") await applyWorkshopAgreement(ctx, { assessmentId: w.assessmentId, model: w.model }, now);
    return (await workshopAgreement(ctx, w.id, w.model))!;
  });
}

/**
 * Inside a submission (or a recording on a submitted assessment): the newest agreement of the
 * assessment's workshops not yet applied becomes its target and first actions, through the same
 * writes the results page uses. A target no longer possible (the area's score has reached it, or
 * its date has passed) refuses the submission with what to change, instead of losing it.
 */
export async function applyWorkshopAgreement(ctx: TxCtx, assessment: { assessmentId: string; model: Model }, now = new Date()): Promise<void> {
  const [row] = await ctx.db
    .select({ agreement: workshopAgreements })
    .from(workshopAgreements)
    .innerJoin(workshops, eq(workshops.id, workshopAgreements.workshopId))
    .where(
      and(eq(workshopAgreements.organisationId, ctx.organisationId), eq(workshops.assessmentId, assessment.assessmentId), isNull(workshopAgreements.appliedAt)),
    )
    .orderBy(desc(workshopAgreements.agreedAt))
    .limit(1);
  if (!row) return;
  const agreed = toAgreement(row.agreement, assessment.model);
  const score = (await areaScoresNow(ctx, assessment.assessmentId, assessment.model)).find((a) => a.areaId === agreed.areaId)?.score ?? null;
  const problem = Object.values(agreementProblems(agreed, score, scoreRange(assessment.model), now, scoreDigits(assessment.model))).flat()[0];
  if (problem)
    throw new AppError(
      "invalid_input",
      `The workshop agreed: ${agreementText({ ...agreed, fromScore: null })}. ${problem} Change the agreement on the workshop's page, then submit.`,
    );
  await setTarget(ctx, { assessmentId: assessment.assessmentId, areaId: agreed.areaId, level: agreed.level, dueOn: agreed.dueOn }, now);
  for (const action of agreed.actions) {
    await createAction(ctx, {
      assessmentId: assessment.assessmentId,
      title: action.title,
      description: null,
      owner: action.ownerText ? { text: action.ownerText } : null,
      dueOn: action.dueOn,
      status: "planned",
      aim: { kind: "area", id: agreed.areaId },
    });
  }
  await ctx.db.update(workshopAgreements).set({ appliedAt: now }).where(eq(workshopAgreements.workshopId, row.agreement.workshopId));
}

/** What the agreement form starts from: the model, whether the assessment is submitted, each area's score now, and the agreement so far. */
export async function agreementFormInput(ctx: Ctx, workshopId: string) {
  const [w] = await ctx.db
    .select({ assessmentId: workshops.assessmentId, teamId: assessments.teamId, status: assessments.status, modelVersionId: assessments.modelVersionId })
    .from(workshops)
    .innerJoin(assessments, eq(assessments.id, workshops.assessmentId))
    .where(and(eq(workshops.organisationId, ctx.organisationId), eq(workshops.id, workshopId)));
  const model = w && (await getModelVersion(ctx.db, w.modelVersionId));
  if (!w || !model) throw notFoundError("The workshop");
  const [areas, agreement] = await Promise.all([areaScoresNow(ctx, w.assessmentId, model), workshopAgreement(ctx, workshopId, model)]);
  return { model, teamId: w.teamId, assessmentId: w.assessmentId, submitted: w.status === "submitted", areas, agreement };
}
