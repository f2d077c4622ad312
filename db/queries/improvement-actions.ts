import "server-only";
import { and, asc, eq, inArray, max, sql } from "drizzle-orm";
import { AppError, notFoundError } from "@/lib/errors";
import { answerFromColumns } from "@/lib/answer";
import { ACTION_STATUSES, actionStatusLabels, isOpen, type ActionStatus, type ImprovementAction } from "@/lib/improvement-actions";
import { findQuestion } from "@/lib/model/lookup";
import type { Model } from "@/lib/model/schema";
import { nextStepOf, noStepReason, stepAction } from "@/lib/step-action";
import type { ActionOwner, AddStepActionInput, CreateActionInput, MoveActionInput, UpdateActionInput } from "@/lib/validation/improvement";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { answers, assessments, improvementActions, members, users } from "../schema";
import { requirePermission } from "./access";
import { recordAudit } from "./audit";
import { lockSubmittedAssessment, type CycleAssessment } from "./improvement-cycle";
import { teamResultsVisible } from "./privacy";

/**
 * A team's improvement actions across every cycle: by the assessment they were agreed on, then in
 * their order; none where the team's results are kept from the actor (actions follow from them).
 */
export async function listTeamActions(ctx: Ctx, teamId: string): Promise<ImprovementAction[]> {
  requirePermission(ctx, "results.read");
  const rows = await ctx.db
    .select({
      id: improvementActions.id,
      assessmentId: improvementActions.assessmentId,
      agreedOn: sql<Date>`${assessments.submittedAt}`.mapWith(assessments.submittedAt),
      title: improvementActions.title,
      description: improvementActions.description,
      ownerUserId: improvementActions.ownerUserId,
      ownerName: sql<string | null>`coalesce(${users.name}, ${improvementActions.ownerText})`,
      dueOn: improvementActions.dueOn,
      status: improvementActions.status,
      areaId: improvementActions.areaId,
      questionId: improvementActions.questionId,
      position: improvementActions.position,
    })
    .from(improvementActions)
    .innerJoin(assessments, eq(assessments.id, improvementActions.assessmentId))
    .leftJoin(users, eq(users.id, improvementActions.ownerUserId))
    .where(
      and(eq(improvementActions.organisationId, ctx.organisationId), eq(improvementActions.teamId, teamId), teamResultsVisible(ctx, improvementActions.teamId)),
    )
    .orderBy(asc(assessments.submittedAt), asc(improvementActions.position));
  return rows.map((r) => ({ ...r, agreedOn: r.agreedOn.toISOString() }));
}

/** The area and question an action aims at, checked against the model of its assessment. */
function aimIn(model: Model, aim: CreateActionInput["aim"]): { areaId: string; questionId: string | null } {
  if (aim.kind === "question") {
    const found = findQuestion(model, aim.id);
    if (!found)
      throw new AppError("invalid_input", "That question is not in this assessment's model.", { aim: ["That question is not in this assessment's model."] });
    return { areaId: found.area.id, questionId: found.question.id };
  }
  if (!model.areas.some((a) => a.id === aim.id))
    throw new AppError("invalid_input", "That area is not in this assessment's model.", { aim: ["That area is not in this assessment's model."] });
  return { areaId: aim.id, questionId: null };
}

/**
 * The owner's columns, after checking a member owner belongs to this organisation (the member row
 * stays locked). An owner left unchanged is kept even if they have since left the organisation.
 */
async function ownerColumns(ctx: Ctx, owner: ActionOwner, current?: string | null): Promise<{ ownerUserId: string | null; ownerText: string | null }> {
  if (owner === null) return { ownerUserId: null, ownerText: null };
  if ("text" in owner) return { ownerUserId: null, ownerText: owner.text };
  if (current && owner.userId === current) return { ownerUserId: current, ownerText: null };
  const [member] = await ctx.db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.organisationId, ctx.organisationId), eq(members.userId, owner.userId)))
    .for("share");
  if (!member) {
    const message = "That owner is not a member of this organisation. Choose a member, or type a name.";
    throw new AppError("invalid_input", message, { owner: [message] });
  }
  return { ownerUserId: owner.userId, ownerText: null };
}

/** Inside a write, with its assessment locked: adds an action after the assessment's others, and records it. */
async function insertAction(ctx: Ctx, assessment: CycleAssessment, input: Omit<CreateActionInput, "assessmentId">, id?: string): Promise<{ id: string }> {
  const aim = aimIn(assessment.model, input.aim);
  const owner = await ownerColumns(ctx, input.owner);
  const [last] = await ctx.db
    .select({ position: max(improvementActions.position) })
    .from(improvementActions)
    .where(and(eq(improvementActions.organisationId, ctx.organisationId), eq(improvementActions.assessmentId, assessment.id)));
  const [created] = await ctx.db
    .insert(improvementActions)
    .values({
      id,
      organisationId: ctx.organisationId,
      teamId: assessment.teamId,
      assessmentId: assessment.id,
      title: input.title,
      description: input.description,
      dueOn: input.dueOn,
      status: input.status,
      position: (last?.position ?? -1) + 1,
      ...aim,
      ...owner,
    })
    .returning({ id: improvementActions.id });
  await recordAudit(ctx, {
    action: "action.created",
    summary: `Added the action “${input.title}” for team “${assessment.teamName}”`,
    detail: { actionId: created!.id, assessmentId: assessment.id, teamId: assessment.teamId },
  });
  return created!;
}

/** Adds an action to a submitted assessment, after its others; `id` keeps the id an action had in an imported history. */
export async function createAction(ctx: Ctx, input: CreateActionInput, { id }: { id?: string } = {}): Promise<{ id: string }> {
  return withTransaction(ctx, async (ctx) => {
    const assessment = await lockSubmittedAssessment(ctx, input.assessmentId);
    return insertAction(ctx, assessment, input, id);
  });
}

/**
 * Turns a question's next step on a submitted assessment into an action aimed at that question
 * (lib/step-action.ts), from the answer stored on it. A step that is already an open action of the
 * assessment, by the same title, is not added again: that action is returned, `created` false.
 */
export async function createActionFromStep(ctx: Ctx, input: AddStepActionInput): Promise<{ id: string; created: boolean }> {
  return withTransaction(ctx, async (ctx) => {
    // The assessment's lock orders every change to its actions: two clicks cannot both add the step.
    const assessment = await lockSubmittedAssessment(ctx, input.assessmentId);
    const [answer] = await ctx.db
      .select({ kind: answers.kind, level: answers.level, reason: answers.reason })
      .from(answers)
      .where(and(eq(answers.organisationId, ctx.organisationId), eq(answers.assessmentId, assessment.id), eq(answers.questionId, input.questionId)));
    const value = answer && answerFromColumns(answer);
    const step = nextStepOf(assessment.model, input.questionId, value);
    if (!step) throw new AppError("invalid_input", noStepReason(assessment.model, input.questionId, value)!);
    const action = stepAction(step);
    const [existing] = await ctx.db
      .select({ id: improvementActions.id })
      .from(improvementActions)
      .where(
        and(
          eq(improvementActions.organisationId, ctx.organisationId),
          eq(improvementActions.assessmentId, assessment.id),
          eq(improvementActions.questionId, step.questionId),
          eq(improvementActions.title, action.title),
          inArray(improvementActions.status, ACTION_STATUSES.filter(isOpen)),
        ),
      )
      .limit(1);
    if (existing) return { id: existing.id, created: false };
    return { ...(await insertAction(ctx, assessment, action)), created: true };
  });
}

/**
 * The action and its assessment, locked for a change (the assessment's lock orders every change to
 * its actions, so the action is read again under it); another organisation's is not found.
 */
async function lockAction(ctx: Ctx, actionId: string) {
  const ofAction = and(eq(improvementActions.organisationId, ctx.organisationId), eq(improvementActions.id, actionId));
  const [found] = await ctx.db.select({ assessmentId: improvementActions.assessmentId }).from(improvementActions).where(ofAction);
  if (!found) throw notFoundError("The action");
  const assessment = await lockSubmittedAssessment(ctx, found.assessmentId);
  const [row] = await ctx.db
    .select({
      assessmentId: improvementActions.assessmentId,
      title: improvementActions.title,
      status: improvementActions.status,
      position: improvementActions.position,
      ownerUserId: improvementActions.ownerUserId,
    })
    .from(improvementActions)
    .where(ofAction);
  if (!row) throw notFoundError("The action");
  return { ...row, assessment, where: ofAction };
}

/** Changes an action; finishing it ("done") is recorded as completed. */
export async function updateAction(ctx: Ctx, input: UpdateActionInput): Promise<{ status: ActionStatus }> {
  return withTransaction(ctx, async (ctx) => {
    const before = await lockAction(ctx, input.actionId);
    const aim = aimIn(before.assessment.model, input.aim);
    const owner = await ownerColumns(ctx, input.owner, before.ownerUserId);
    await ctx.db
      .update(improvementActions)
      .set({ title: input.title, description: input.description, dueOn: input.dueOn, status: input.status, updatedAt: new Date(), ...aim, ...owner })
      .where(before.where);
    const completed = input.status === "done" && before.status !== "done";
    const statusChange =
      before.status === input.status ? "" : ` (${actionStatusLabels[before.status].toLowerCase()} → ${actionStatusLabels[input.status].toLowerCase()})`;
    await recordAudit(ctx, {
      action: completed ? "action.completed" : "action.changed",
      summary: `${completed ? "Completed" : "Changed"} the action “${input.title}” for team “${before.assessment.teamName}”${statusChange}`,
      detail: { actionId: input.actionId, assessmentId: before.assessmentId, from: before.status, to: input.status },
    });
    return { status: input.status };
  });
}

/** Moves an action one place up or down among its assessment's actions (at either end it stays). */
export async function moveAction(ctx: Ctx, input: MoveActionInput): Promise<void> {
  await withTransaction(ctx, async (ctx) => {
    const action = await lockAction(ctx, input.actionId);
    const siblings = await ctx.db
      .select({ id: improvementActions.id, position: improvementActions.position })
      .from(improvementActions)
      .where(and(eq(improvementActions.organisationId, ctx.organisationId), eq(improvementActions.assessmentId, action.assessmentId)))
      .orderBy(asc(improvementActions.position));
    const at = siblings.findIndex((s) => s.id === input.actionId);
    const other = siblings[input.direction === "up" ? at - 1 : at + 1];
    if (!other) return;
    const ofAction = (id: string) => and(eq(improvementActions.organisationId, ctx.organisationId), eq(improvementActions.id, id));
    await ctx.db.update(improvementActions).set({ position: other.position }).where(ofAction(input.actionId));
    await ctx.db.update(improvementActions).set({ position: action.position }).where(ofAction(other.id));
    await recordAudit(ctx, {
      action: "action.changed",
      summary: `Moved the action “${action.title}” ${input.direction} for team “${action.assessment.teamName}”`,
      detail: { actionId: input.actionId, assessmentId: action.assessmentId },
    });
  });
}
