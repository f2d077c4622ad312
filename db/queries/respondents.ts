import "server-only";
import { and, eq } from "drizzle-orm";
import { answerFromColumns, type StoredAnswer } from "@/lib/answer";
import { AppError, notFoundError } from "@/lib/errors";
import { findQuestion } from "@/lib/model/lookup";
import { byRespondents, LEAD_ONLY, leads } from "@/lib/respondents";
import { respondentsView, type RespondentsView } from "@/lib/respondents-view";
import type { SaveAnswerInput } from "@/lib/validation/assessment";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { answers, assessments, countedRespondentAnswer, respondentAnswers, users } from "../schema";
import { requirePermission, requirePermissionOnSomeTeam, teamPermits } from "./access";
import { assessmentFacts, followRespondents, lockQuestion, saveTeamAnswer } from "./answers";
import { recordAudit } from "./audit";
import { getModelVersion } from "./model-versions";
import { mayReadTeamResults, privateResultsError } from "./privacy";
import { storedAnswerColumns, toStoredAnswer } from "./stored-answers";

// The lead's side of an assessment answered by each member: everyone's answers, the
// team answer they give, and setting it.

/** An assessment answered by each member that the actor leads; refused otherwise. */
async function ledAssessment(ctx: Ctx, assessmentId: string) {
  requirePermissionOnSomeTeam(ctx, "assessments.edit");
  const facts = await assessmentFacts(ctx, assessmentId);
  if (!byRespondents(facts.respondents))
    throw new AppError("invalid_input", "This assessment is answered together: there are no respondents' answers to lead.");
  if (!leads(ctx.actor, facts.openedBy)) throw new AppError("forbidden", LEAD_ONLY);
  const model = await getModelVersion(ctx.db, facts.modelVersionId);
  if (!model) throw notFoundError("The assessment's model");
  return { facts, model };
}

/** The lead sets a question's team answer, with a note; it no longer follows the respondents. */
export async function setTeamAnswer(ctx: Ctx, input: SaveAnswerInput): Promise<Date> {
  await ledAssessment(ctx, input.assessmentId);
  return withTransaction(ctx, async (ctx) => {
    const savedAt = await saveTeamAnswer(ctx, input);
    await recordAudit(ctx, {
      action: "team_answer.set",
      summary: `Set the team answer to “${input.questionId}”`,
      detail: { assessmentId: input.assessmentId, questionId: input.questionId, kind: input.answer.kind },
    });
    return savedAt;
  });
}

/** The lead hands a question's team answer back to the respondents: it is their median again. */
export async function followMedian(ctx: Ctx, assessmentId: string, questionId: string): Promise<void> {
  const { model } = await ledAssessment(ctx, assessmentId);
  if (!findQuestion(model, questionId)) throw new AppError("invalid_input", `“${questionId}” is not a question of ${model.name} ${model.version}.`);
  await withTransaction(ctx, async (ctx) => {
    const [draft] = await ctx.db
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.id, assessmentId), eq(assessments.status, "draft")))
      .for("share");
    if (!draft) throw new AppError("read_only", "This assessment has been submitted and is read-only.");
    await lockQuestion(ctx, assessmentId, questionId);
    await ctx.db
      .update(answers)
      .set({ fromRespondents: true, note: null })
      .where(and(eq(answers.assessmentId, assessmentId), eq(answers.questionId, questionId)));
    await followRespondents(ctx, model, assessmentId, questionId);
    await recordAudit(ctx, {
      action: "team_answer.set",
      summary: `Gave the team answer to “${questionId}” back to the respondents' median`,
      detail: { assessmentId, questionId, kind: "median" },
    });
  });
}

/**
 * Everyone's answers and the team answers, for the lead; names only on a named assessment. Answers
 * carried from last cycle count once reviewed; `stillReviewing` is how many members have some left.
 * A lead who has since left the team is refused where the organisation keeps its results to the team.
 */
export async function getRespondentsView(ctx: Ctx, assessmentId: string): Promise<RespondentsView & { stillReviewing: number }> {
  const { facts, model } = await ledAssessment(ctx, assessmentId);
  if (!(await mayReadTeamResults(ctx, facts.teamId))) throw privateResultsError();
  const [rows, team] = await Promise.all([
    ctx.db
      .select({
        userId: respondentAnswers.userId,
        name: users.name,
        questionId: respondentAnswers.questionId,
        kind: respondentAnswers.kind,
        level: respondentAnswers.level,
        reason: respondentAnswers.reason,
        note: respondentAnswers.note,
        counted: countedRespondentAnswer.mapWith(Boolean),
      })
      .from(respondentAnswers)
      .innerJoin(users, eq(users.id, respondentAnswers.userId))
      .where(and(eq(respondentAnswers.organisationId, ctx.organisationId), eq(respondentAnswers.assessmentId, assessmentId))),
    ctx.db
      .select({
        questionId: answers.questionId,
        kind: answers.kind,
        level: answers.level,
        reason: answers.reason,
        note: answers.note,
        fromRespondents: answers.fromRespondents,
      })
      .from(answers)
      .where(and(eq(answers.organisationId, ctx.organisationId), eq(answers.assessmentId, assessmentId))),
  ]);
  const view = respondentsView(
    model,
    facts.respondents,
    rows.filter((r) => r.counted).map((r) => ({ userId: r.userId, name: r.name, questionId: r.questionId, value: answerFromColumns(r), note: r.note })),
    team.map((t) => ({ questionId: t.questionId, value: answerFromColumns(t), note: t.note, fromRespondents: t.fromRespondents })),
  );
  return { ...view, stillReviewing: new Set(rows.filter((r) => !r.counted).map((r) => r.userId)).size };
}

/** The actor's own answers to an assessment answered by each member (the questionnaire resumes from them). */
export async function listOwnAnswers(ctx: Ctx, assessmentId: string): Promise<StoredAnswer[]> {
  requirePermission(ctx, "results.read");
  if (ctx.actor.kind !== "member") return [];
  const rows = await ctx.db
    .select(storedAnswerColumns(respondentAnswers))
    .from(respondentAnswers)
    .innerJoin(assessments, eq(assessments.id, respondentAnswers.assessmentId))
    .where(
      and(
        eq(respondentAnswers.organisationId, ctx.organisationId),
        eq(respondentAnswers.assessmentId, assessmentId),
        eq(respondentAnswers.userId, ctx.actor.userId),
        teamPermits(ctx, "drafts.read", assessments.teamId),
      ),
    );
  return rows.map(toStoredAnswer);
}
