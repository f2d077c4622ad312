import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { answerColumns, answerFromColumns, type AnswerValue, type StoredAnswer } from "@/lib/answer";
import { carryAnswers, type CarriedAnswer, type Carry } from "@/lib/carry";
import { AppError, notFoundError } from "@/lib/errors";
import type { Model } from "@/lib/model/schema";
import { byRespondents } from "@/lib/respondents";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { answers, assessments, countedRespondentAnswer, modelVersions, respondentAnswers } from "../schema";
import { forbidden, requirePermission, requirePermissionOnSomeTeam, teamPermits } from "./access";
import { followRespondents, lockUntilCommit } from "./answers";
import { lockEditableDraft } from "./drafts";
import { getModelVersion } from "./model-versions";
import { teamResultsVisible } from "./privacy";
import { storedAnswerColumns, toStoredAnswer } from "./stored-answers";

// The next assessment starts from the last one (lib/carry.ts): a shared draft gets the team's last
// answers when it is started; on a draft answered by each member, each member's own answers are
// filled the first time they open it. A carried answer stays "unreviewed" until someone confirms it
// (a whole area at once, or one answer by saving it again) or changes it.

/** The submitted assessment a draft starts from. */
export type Source = { id: string; submittedAt: Date };

/** The team's newest submitted assessment of a model, any version: where its next assessment starts from. */
export async function lastSubmitted(ctx: Ctx, teamId: string, modelId: string): Promise<Source | undefined> {
  requirePermission(ctx, "results.read");
  const [row] = await ctx.db
    .select({ id: assessments.id, submittedAt: assessments.submittedAt })
    .from(assessments)
    .innerJoin(modelVersions, eq(modelVersions.id, assessments.modelVersionId))
    .where(
      and(
        eq(assessments.organisationId, ctx.organisationId),
        eq(assessments.teamId, teamId),
        eq(assessments.status, "submitted"),
        eq(modelVersions.modelId, modelId),
        teamResultsVisible(ctx, assessments.teamId),
      ),
    )
    .orderBy(desc(assessments.submittedAt))
    .limit(1);
  return row && { id: row.id, submittedAt: row.submittedAt! };
}

type Answers = Map<string, { value: AnswerValue; note: string | null }>;

/** The team answers of an assessment of the organisation, or (given a member) that member's own. */
async function answersOf(db: Db, organisationId: string, assessmentId: string, userId?: string): Promise<Answers> {
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

// A submitted assessment never changes, so its model and team answers are kept once read: a
// questionnaire, and a workshop's facilitator with every change in the room, read them again.
type Submitted = { submittedAt: Date; model: Model; answers: Answers };
const submittedKept = new Map<string, Submitted>();
const KEPT = 1_000;

async function submittedTeamAnswers(db: Db, organisationId: string, assessmentId: string): Promise<Submitted> {
  const key = `${organisationId}:${assessmentId}`;
  const kept = submittedKept.get(key);
  if (kept) return kept;
  const [row] = await db
    .select({ submittedAt: assessments.submittedAt, modelVersionId: assessments.modelVersionId })
    .from(assessments)
    .where(and(eq(assessments.organisationId, organisationId), eq(assessments.id, assessmentId), eq(assessments.status, "submitted")));
  const model = row && (await getModelVersion(db, row.modelVersionId));
  if (!row || !model) throw notFoundError("The last assessment");
  const found = { submittedAt: row.submittedAt!, model, answers: await answersOf(db, organisationId, assessmentId) };
  if (submittedKept.size >= KEPT) submittedKept.delete(submittedKept.keys().next().value!);
  submittedKept.set(key, found);
  return found;
}

/**
 * The answers last cycle gave, as this draft's questions name them, and the questions new since:
 * the team's, or (for a member's own answers on a draft answered by each member) the member's own
 * where they gave one and the team's elsewhere.
 */
export async function lastCycleAnswers(ctx: Ctx, sourceId: string, model: Model, own = false): Promise<Carry> {
  requirePermission(ctx, "results.read");
  const [team, mine] = await Promise.all([
    submittedTeamAnswers(ctx.db, ctx.organisationId, sourceId),
    own && ctx.actor.kind === "member" ? answersOf(ctx.db, ctx.organisationId, sourceId, ctx.actor.userId) : new Map(),
  ]);
  // The member's own answer where they gave one, the team's where they did not.
  return carryAnswers({ model: team.model, answers: mine.size > 0 ? new Map([...team.answers, ...mine]) : team.answers }, model);
}

/**
 * Last cycle's team answers by this model's question ids, for the workshop on a draft started from
 * them (the facilitator's eyes only). Read with the workshop's rows, for every screen: which one
 * shows them is decided where the screen's view is made.
 */
export async function lastCycleTeamAnswers(ctx: Ctx, sourceId: string, model: Model): Promise<{ submittedAt: Date; answers: Map<string, AnswerValue> }> {
  const source = await submittedTeamAnswers(ctx.db, ctx.organisationId, sourceId);
  const carried = carryAnswers({ model: source.model, answers: source.answers }, model);
  return { submittedAt: source.submittedAt, answers: new Map(carried.answers.map((a) => [a.questionId, a.value])) };
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
export async function carryTeamAnswers(ctx: Ctx, draftId: string, sourceId: string, model: Model): Promise<void> {
  const carried = (await lastCycleAnswers(ctx, sourceId, model)).answers;
  if (carried.length > 0) await ctx.db.insert(answers).values(carried.map((a) => toRow(ctx.organisationId, draftId, a)));
}

/**
 * On a draft answered by each member and started from the last assessment: fills the actor's own
 * answers from theirs last cycle (or the team's, if they did not answer on their own), the first
 * time they open it. Returns the actor's own answers (those already there, if they have some);
 * nothing when nothing is carried.
 */
export async function carryOwnAnswers(ctx: Ctx, assessmentId: string, model: Model): Promise<StoredAnswer[]> {
  if (ctx.actor.kind !== "member") return [];
  const userId = ctx.actor.userId;
  return withTransaction(ctx, async (ctx) => {
    const [draft] = await ctx.db
      .select({ carriedFrom: assessments.carriedFrom, respondents: assessments.respondents })
      .from(assessments)
      .where(
        and(
          eq(assessments.organisationId, ctx.organisationId),
          eq(assessments.id, assessmentId),
          eq(assessments.status, "draft"),
          teamPermits(ctx, "assessments.edit", assessments.teamId),
        ),
      )
      .for("share");
    if (!draft?.carriedFrom || !byRespondents(draft.respondents)) return [];
    // Two first opens at once (two tabs, a prefetch and the click): one fills, the other reads what it filled.
    await lockUntilCommit(ctx, `${assessmentId}:carry:${userId}`);
    const own = await ctx.db
      .select(storedAnswerColumns(respondentAnswers))
      .from(respondentAnswers)
      .where(and(eq(respondentAnswers.assessmentId, assessmentId), eq(respondentAnswers.userId, userId)));
    if (own.length > 0) return own.map(toStoredAnswer);
    const carried = (await lastCycleAnswers(ctx, draft.carriedFrom, model, true)).answers;
    if (carried.length === 0) return [];
    const rows = await ctx.db
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
  return withTransaction(ctx, async (ctx) => {
    const draft = await lockEditableDraft(ctx, assessmentId, "This assessment has been submitted and is read-only: there is nothing left to confirm.");
    const { model } = draft;
    const area = model.areas.find((a) => a.id === areaId);
    if (!area) throw new AppError("invalid_input", `“${areaId}” is not an area of ${model.name} ${model.version}.`);
    const questionIds = area.questions.map((q) => q.id);
    const reviewed = { carried: "reviewed" as const, updatedAt: sql`now()` };

    if (!byRespondents(draft.respondents)) {
      const rows = await ctx.db
        .update(answers)
        .set(reviewed)
        .where(and(eq(answers.assessmentId, assessmentId), inArray(answers.questionId, questionIds), eq(answers.carried, "unreviewed")))
        .returning({ questionId: answers.questionId });
      return rows.map((r) => r.questionId);
    }
    if (ctx.actor.kind !== "member") throw forbidden("assessments.edit");
    const rows = await ctx.db
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
    for (const { questionId } of rows) await followRespondents(ctx, model, assessmentId, questionId);
    return rows.map((r) => r.questionId);
  });
}

/** What starting the team's next assessment of a model from its last answers would carry, if it has one to start from. */
export async function carryPreview(ctx: Ctx, teamId: string, modelId: string, model: Model): Promise<{ from: Date; carried: string[] } | undefined> {
  const source = await lastSubmitted(ctx, teamId, modelId);
  if (!source) return undefined;
  const { answers } = await lastCycleAnswers(ctx, source.id, model);
  return { from: source.submittedAt, carried: answers.map((a) => a.questionId) };
}
