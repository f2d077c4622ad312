import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { answerColumns, answerFromColumns, type AnswerValue, type StoredAnswer } from "@/lib/answer";
import { carryAnswers, type CarriedAnswer, type Carry } from "@/lib/carry";
import { AppError, notFoundError } from "@/lib/errors";
import type { Model } from "@/lib/model/schema";
import { byRespondents } from "@/lib/respondents";
import type { DbOrTx } from "../client";
import { within, type Ctx } from "../context";
import { answers, assessments, countedRespondentAnswer, modelVersions, respondentAnswers } from "../schema";
import { forbidden, requirePermission, requirePermissionOnSomeTeam, teamPermits } from "./access";
import { followRespondents } from "./answers";
import { getModelVersion } from "./model-versions";
import { storedAnswerColumns, toStoredAnswer } from "./stored-answers";

// The next assessment starts from the last one (lib/carry.ts): a shared draft gets the team's last
// answers when it is started; on a draft answered by each member, each member's own answers are
// filled the first time they open it. A carried answer stays "unreviewed" until someone confirms it
// (a whole area at once, or one answer by saving it again) or changes it.

export type SourceAssessment = { id: string; submittedAt: Date; modelVersionId: string };

/** The team's newest submitted assessment of a model, any version: where its next assessment starts from. */
export async function lastSubmitted(ctx: Ctx, teamId: string, modelId: string): Promise<SourceAssessment | undefined> {
  requirePermission(ctx, "results.read");
  const [row] = await ctx.db
    .select({ id: assessments.id, submittedAt: assessments.submittedAt, modelVersionId: assessments.modelVersionId })
    .from(assessments)
    .innerJoin(modelVersions, eq(modelVersions.id, assessments.modelVersionId))
    .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.teamId, teamId), eq(assessments.status, "submitted"), eq(modelVersions.modelId, modelId)))
    .orderBy(desc(assessments.submittedAt))
    .limit(1);
  return row && { ...row, submittedAt: row.submittedAt! };
}

type Answers = Map<string, { value: AnswerValue; note: string | null }>;

/** The team answers of an assessment of the organisation, or (given a member) that member's own. */
async function answersOf(db: DbOrTx, organisationId: string, assessmentId: string, userId?: string): Promise<Answers> {
  const table = userId ? respondentAnswers : answers;
  const rows = await db
    .select({ questionId: table.questionId, kind: table.kind, level: table.level, reason: table.reason, note: table.note })
    .from(table)
    .where(
      and(
        eq(table.organisationId, organisationId),
        eq(table.assessmentId, assessmentId),
        // A member's answer counts as theirs once reviewed (an unreviewed carried one never counted).
        userId ? and(eq(respondentAnswers.userId, userId), countedRespondentAnswer) : undefined,
      ),
    );
  return new Map(rows.map((r) => [r.questionId, { value: answerFromColumns(r), note: r.note }]));
}

/**
 * The answers last cycle gave, as this draft's questions name them, and the questions new since:
 * the team's, or (for a member's own answers on a draft answered by each member) the member's own
 * where they gave one and the team's elsewhere.
 */
export async function lastCycleAnswers(ctx: Ctx, source: SourceAssessment, model: Model, own = false): Promise<Carry> {
  const sourceModel = await getModelVersion(ctx.db, source.modelVersionId);
  if (!sourceModel) throw notFoundError("The last assessment's model");
  const [team, mine] = await Promise.all([
    answersOf(ctx.db, ctx.organisationId, source.id),
    own && ctx.actor.kind === "member" ? answersOf(ctx.db, ctx.organisationId, source.id, ctx.actor.userId) : new Map(),
  ]);
  // The member's own answer where they gave one, the team's where they did not.
  return carryAnswers({ model: sourceModel, answers: new Map([...team, ...mine]) }, model);
}

// A submitted assessment never changes: what it says to a later version's questions is kept, for a
// workshop's facilitator, who is shown it again with every change in the room.
const teamAnswersKept = new Map<string, { submittedAt: Date; answers: Map<string, AnswerValue> }>();
const KEPT = 1_000;

/** Last cycle's team answers by this model's question ids, for the workshop on a draft started from them (the facilitator's eyes only). */
export async function lastCycleTeamAnswers(db: DbOrTx, organisationId: string, sourceId: string, model: Model): Promise<{ submittedAt: Date; answers: Map<string, AnswerValue> } | undefined> {
  const key = `${organisationId}:${sourceId}:${model.id}@${model.version}`;
  const kept = teamAnswersKept.get(key);
  if (kept) return kept;
  const [source] = await db
    .select({ submittedAt: assessments.submittedAt, modelVersionId: assessments.modelVersionId })
    .from(assessments)
    .where(and(eq(assessments.organisationId, organisationId), eq(assessments.id, sourceId), eq(assessments.status, "submitted")));
  const sourceModel = source && (await getModelVersion(db, source.modelVersionId));
  if (!source || !sourceModel) return undefined;
  const carried = carryAnswers({ model: sourceModel, answers: await answersOf(db, organisationId, sourceId) }, model);
  const found = { submittedAt: source.submittedAt!, answers: new Map(carried.answers.map((a) => [a.questionId, a.value])) };
  if (teamAnswersKept.size >= KEPT) teamAnswersKept.delete(teamAnswersKept.keys().next().value!);
  teamAnswersKept.set(key, found);
  return found;
}

const toRow = (organisationId: string, assessmentId: string, a: CarriedAnswer) => ({
  organisationId,
  assessmentId,
  questionId: a.questionId,
  ...answerColumns(a.value),
  note: a.note,
  carried: "unreviewed" as const,
});

/** Inside the transaction that starts a shared draft: its team answers start as last cycle's, not yet reviewed. */
export async function carryTeamAnswers(ctx: Ctx, draftId: string, source: SourceAssessment, model: Model): Promise<void> {
  const carried = (await lastCycleAnswers(ctx, source, model)).answers;
  if (carried.length > 0) await ctx.db.insert(answers).values(carried.map((a) => toRow(ctx.organisationId, draftId, a)));
}

/**
 * On a draft answered by each member and started from the last assessment: fills the actor's own
 * answers from theirs last cycle (or the team's, if they did not answer on their own), the first
 * time they open it. Returns them; nothing when they have answers already or nothing is carried.
 */
export async function carryOwnAnswers(ctx: Ctx, assessmentId: string, model: Model): Promise<StoredAnswer[]> {
  if (ctx.actor.kind !== "member") return [];
  const userId = ctx.actor.userId;
  return ctx.db.transaction(async (tx) => {
    const inTx = within(ctx, tx);
    const [draft] = await tx
      .select({ carriedFrom: assessments.carriedFrom, respondents: assessments.respondents })
      .from(assessments)
      .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.id, assessmentId), eq(assessments.status, "draft"), teamPermits(ctx, "assessments.edit", assessments.teamId)))
      .for("share");
    if (!draft?.carriedFrom || !byRespondents(draft.respondents)) return [];
    const [source] = await tx
      .select({ id: assessments.id, submittedAt: assessments.submittedAt, modelVersionId: assessments.modelVersionId })
      .from(assessments)
      .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.id, draft.carriedFrom)));
    if (!source) return [];
    const carried = (await lastCycleAnswers(inTx, { ...source, submittedAt: source.submittedAt! }, model, true)).answers;
    if (carried.length === 0) return [];
    const rows = await tx
      .insert(respondentAnswers)
      .values(carried.map((a) => ({ ...toRow(ctx.organisationId, assessmentId, a), userId })))
      .onConflictDoNothing()
      .returning(storedAnswerColumns(respondentAnswers));
    return rows.map(toStoredAnswer);
  });
}

/**
 * Confirms every carried answer of one area that is not yet reviewed: "nothing changed in
 * Observability". On a draft answered by each member these are the actor's own answers, which then
 * count in the team answer. Returns the questions confirmed.
 */
export async function confirmCarried(ctx: Ctx, assessmentId: string, areaId: string): Promise<string[]> {
  requirePermissionOnSomeTeam(ctx, "assessments.edit");
  return ctx.db.transaction(async (tx) => {
    // The draft stays a draft, and the actor in its team, until the confirmation commits.
    const [draft] = await tx
      .select({
        status: assessments.status,
        respondents: assessments.respondents,
        modelVersionId: assessments.modelVersionId,
        permitted: teamPermits(ctx, "assessments.edit", assessments.teamId).mapWith(Boolean),
      })
      .from(assessments)
      .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.id, assessmentId)))
      .for("share");
    if (!draft) throw notFoundError("The assessment");
    if (!draft.permitted) throw forbidden("assessments.edit");
    if (draft.status !== "draft") throw new AppError("read_only", "This assessment has been submitted and is read-only: there is nothing left to confirm.");
    const model = await getModelVersion(tx, draft.modelVersionId);
    if (!model) throw notFoundError("The assessment's model");
    const area = model.areas.find((a) => a.id === areaId);
    if (!area) throw new AppError("invalid_input", `“${areaId}” is not an area of ${model.name} ${model.version}.`);
    const questionIds = area.questions.map((q) => q.id);
    const reviewed = { carried: "reviewed" as const, updatedAt: sql`now()` };

    if (!byRespondents(draft.respondents)) {
      const rows = await tx
        .update(answers)
        .set(reviewed)
        .where(and(eq(answers.assessmentId, assessmentId), inArray(answers.questionId, questionIds), eq(answers.carried, "unreviewed")))
        .returning({ questionId: answers.questionId });
      return rows.map((r) => r.questionId);
    }
    if (ctx.actor.kind !== "member") throw forbidden("assessments.edit");
    const rows = await tx
      .update(respondentAnswers)
      .set(reviewed)
      .where(
        and(
          eq(respondentAnswers.assessmentId, assessmentId),
          eq(respondentAnswers.userId, ctx.actor.userId),
          inArray(respondentAnswers.questionId, questionIds),
          eq(respondentAnswers.carried, "unreviewed"),
        ),
      )
      .returning({ questionId: respondentAnswers.questionId });
    // Reviewed, they count: each question's team answer follows the respondents again.
    for (const { questionId } of rows) await followRespondents(tx, model, ctx.organisationId, assessmentId, questionId);
    return rows.map((r) => r.questionId);
  });
}

/** What starting the team's next assessment of a model from its last answers would carry, if it has one to start from. */
export async function carryPreview(ctx: Ctx, teamId: string, modelId: string, model: Model): Promise<{ from: Date; carried: string[] } | undefined> {
  const source = await lastSubmitted(ctx, teamId, modelId);
  if (!source) return undefined;
  const { answers } = await lastCycleAnswers(ctx, source, model);
  return { from: source.submittedAt, carried: answers.map((a) => a.questionId) };
}
