import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { answerColumns, answerFromColumns } from "@/lib/answer";
import { AppError, notFoundError } from "@/lib/errors";
import { findQuestion, levelBounds } from "@/lib/model/lookup";
import type { Model } from "@/lib/model/schema";
import { byRespondents, medianAnswer, type RespondentMode } from "@/lib/respondents";
import type { SaveAnswerInput } from "@/lib/validation/assessment";
import { queryRows, type Tx } from "../client";
import type { Ctx, TxCtx } from "../context";
import { withTransaction } from "../transaction";
import { answers, assessments, countedRespondentAnswer, respondentAnswers } from "../schema";
import { forbidden, requirePermission, requirePermissionOnSomeTeam, teamPermits } from "./access";
import { getModelVersion } from "./model-versions";
import { asDate } from "../driver-values";

type AssessmentFacts = { organisationId: string; teamId: string; modelVersionId: string; respondents: RespondentMode; openedBy: string | null };
// An assessment's organisation, team and model never change: remember them, so autosave skips a
// query. Bounded, so a long-running server does not keep every assessment it ever saw.
const factsOf = new Map<string, AssessmentFacts>();
const FACTS_KEPT = 10_000;

/** The team, model and way of answering of an assessment of the organisation; not found outside it. */
export async function assessmentFacts(ctx: Ctx, assessmentId: string): Promise<AssessmentFacts> {
  let known = factsOf.get(assessmentId);
  // Another organisation's: read again, as an imported history may have brought the id here since its old organisation was removed.
  if (!known || known.organisationId !== ctx.organisationId) {
    const [row] = await ctx.db
      .select({
        organisationId: assessments.organisationId,
        teamId: assessments.teamId,
        modelVersionId: assessments.modelVersionId,
        respondents: assessments.respondents,
        openedBy: assessments.openedBy,
      })
      .from(assessments)
      .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.id, assessmentId)));
    if (row) {
      if (factsOf.size >= FACTS_KEPT) factsOf.delete(factsOf.keys().next().value!);
      factsOf.set(assessmentId, (known = row));
    }
  }
  if (!known || known.organisationId !== ctx.organisationId) throw notFoundError("The assessment");
  return known;
}

function checkAgainstModel(model: Model, input: SaveAnswerInput) {
  if (!findQuestion(model, input.questionId)) {
    throw new AppError("invalid_input", `“${input.questionId}” is not a question of ${model.name} ${model.version}.`);
  }
  const { answer } = input;
  if (answer.kind === "level" && !model.scale.some((l) => l.value === answer.level)) {
    const { min, max } = levelBounds(model);
    throw new AppError("invalid_input", `Level ${answer.level} is not on this model's scale (${min} to ${max}).`);
  }
}

/** The assessment's model, once the answer is known to fit it. */
async function checkedModel(ctx: Ctx, facts: AssessmentFacts, input: SaveAnswerInput): Promise<Model> {
  const model = await getModelVersion(ctx.db, facts.modelVersionId);
  if (!model) throw notFoundError("The assessment's model");
  checkAgainstModel(model, input);
  return model;
}

/**
 * The questionnaire's autosave: saves (or replaces) the actor's answer to one question of a draft.
 * Answered together, that is the team answer; answered by each member, it is their own, and the
 * team answer follows the median of theirs. Returns when it was saved.
 */
export async function saveAnswer(ctx: Ctx, input: SaveAnswerInput): Promise<Date> {
  requirePermissionOnSomeTeam(ctx, "assessments.edit");
  const facts = await assessmentFacts(ctx, input.assessmentId);
  const model = await checkedModel(ctx, facts, input);
  if (byRespondents(facts.respondents)) return saveOwnAnswer(ctx, input, model);
  return writeTeamAnswer(ctx, input);
}

/**
 * A respondent's own answer, written for them by an owner or admin: for recreating an imported
 * history, whose respondents are members of the organisation (matched by e-mail address).
 */
export async function saveRespondentAnswer(ctx: Ctx, input: SaveAnswerInput & { userId: string }): Promise<Date> {
  requirePermission(ctx, "teams.manage");
  const facts = await assessmentFacts(ctx, input.assessmentId);
  if (!byRespondents(facts.respondents)) throw new AppError("invalid_input", "This assessment is answered together: it has no respondents' own answers.");
  return saveOwnAnswer(ctx, input, await checkedModel(ctx, facts, input), input.userId);
}

/** Saves the team answer of one question, whichever way the draft is answered (a workshop's consensus, the lead's). */
export async function saveTeamAnswer(ctx: Ctx, input: SaveAnswerInput): Promise<Date> {
  requirePermissionOnSomeTeam(ctx, "assessments.edit");
  await checkedModel(ctx, await assessmentFacts(ctx, input.assessmentId), input);
  return writeTeamAnswer(ctx, input);
}

/**
 * Writes the team answer to one question of a draft (replacing one that followed the respondents).
 * Who may write is decided by the same statement that writes (a member must be in the team).
 */
async function writeTeamAnswer(ctx: Ctx, input: SaveAnswerInput): Promise<Date> {
  const { kind, level, reason } = answerColumns(input.answer);

  // One statement: it writes only while the assessment is a draft of this organisation that the
  // actor may edit. Its shared row lock lets answers save side by side, while a submission (which
  // locks the row for update) waits for them, and any answer arriving after a submission finds no
  // draft and writes nothing.
  const [saved] = await queryRows<{ updated_at: string | Date }>(
    ctx.db,
    sql`
    insert into ${answers} (organisation_id, assessment_id, question_id, kind, level, reason, note, updated_at)
    select a.organisation_id, a.id, ${input.questionId}, ${kind}, ${level}::integer, ${reason}::text, ${input.note}::text, now()
    from ${assessments} a
    where a.id = ${input.assessmentId} and a.organisation_id = ${ctx.organisationId} and a.status = 'draft'
      and ${teamPermits(ctx, "assessments.edit", sql`a.team_id`)}
    for share of a
    on conflict (assessment_id, question_id) do update
      set kind = excluded.kind, level = excluded.level, reason = excluded.reason, note = excluded.note,
        from_respondents = false, updated_at = excluded.updated_at, ${reviewedOnSave(answers)}
    returning updated_at`,
  );
  if (saved) return asDate(saved.updated_at);
  return whyNotWritten(ctx, input.assessmentId);
}

/** Saving a carried answer reviews it, whether the answer changed or was confirmed as it was. */
const reviewedOnSave = (table: typeof answers | typeof respondentAnswers) => sql`carried = case when ${table}.carried is null then null else 'reviewed' end`;

/**
 * A member's own answer on an assessment answered by each member, then the team answer of that
 * question again from everyone's (unless the lead has set it), in one transaction. Saves of the same
 * question wait for each other, so the median always counts every answer.
 */
async function saveOwnAnswer(ctx: Ctx, input: SaveAnswerInput, model: Model, respondent?: string): Promise<Date> {
  const userId = respondent ?? (ctx.actor.kind === "member" ? ctx.actor.userId : undefined);
  if (!userId) throw forbidden("assessments.edit");
  const { kind, level, reason } = answerColumns(input.answer);
  const saved = await withTransaction(ctx, async (ctx) => {
    const [row] = await queryRows<{ updated_at: string | Date }>(
      ctx.db,
      sql`
      insert into ${respondentAnswers} (organisation_id, assessment_id, user_id, question_id, kind, level, reason, note, updated_at)
      select a.organisation_id, a.id, ${userId}, ${input.questionId}, ${kind}, ${level}::integer, ${reason}::text, ${input.note}::text, now()
      from ${assessments} a
      where a.id = ${input.assessmentId} and a.organisation_id = ${ctx.organisationId} and a.status = 'draft'
        and ${teamPermits(ctx, "assessments.edit", sql`a.team_id`)}
      for share of a
      on conflict (assessment_id, question_id, user_id) do update
        set kind = excluded.kind, level = excluded.level, reason = excluded.reason, note = excluded.note, updated_at = excluded.updated_at,
          ${reviewedOnSave(respondentAnswers)}
      returning updated_at`,
    );
    if (row) await followRespondents(ctx, model, input.assessmentId, input.questionId);
    return row;
  });
  if (saved) return asDate(saved.updated_at);
  return whyNotWritten(ctx, input.assessmentId);
}

/**
 * Sets a question's team answer to the median of its respondents' answers, unless the lead has
 * set it (then it stays); removes it when nobody has answered and it was following them. An answer
 * carried from last cycle counts once its respondent has reviewed it.
 */
export async function followRespondents(ctx: TxCtx, model: Model, assessmentId: string, questionId: string): Promise<void> {
  await lockQuestion(ctx, assessmentId, questionId);
  const rows = await ctx.db
    .select({ kind: respondentAnswers.kind, level: respondentAnswers.level, reason: respondentAnswers.reason })
    .from(respondentAnswers)
    .where(and(eq(respondentAnswers.assessmentId, assessmentId), eq(respondentAnswers.questionId, questionId), countedRespondentAnswer))
    .orderBy(asc(respondentAnswers.updatedAt));
  const median = medianAnswer(
    rows.map(answerFromColumns),
    model.scale.map((l) => l.value),
  );
  const mine = and(eq(answers.assessmentId, assessmentId), eq(answers.questionId, questionId), eq(answers.fromRespondents, true));
  if (!median) {
    await ctx.db.delete(answers).where(mine);
    return;
  }
  const columns = { ...answerColumns(median), note: null, fromRespondents: true, updatedAt: new Date() };
  await ctx.db
    .insert(answers)
    .values({ organisationId: ctx.organisationId, assessmentId, questionId, ...columns })
    .onConflictDoUpdate({ target: [answers.assessmentId, answers.questionId], set: columns, setWhere: eq(answers.fromRespondents, true) });
}

/** Until the transaction ends, no other transaction takes the same key: for work that has no row to lock yet. */
export async function lockUntilCommit(ctx: { db: Tx }, key: string): Promise<void> {
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/** Until the transaction ends, nothing else recomputes this question's team answer (taken before touching it). */
export const lockQuestion = (ctx: { db: Tx }, assessmentId: string, questionId: string) => lockUntilCommit(ctx, `${assessmentId}:${questionId}`);

/** Nothing was written: says why (only on this rare path does it cost another query). */
async function whyNotWritten(ctx: Ctx, assessmentId: string): Promise<never> {
  const [assessment] = await ctx.db
    .select({ status: assessments.status, permitted: teamPermits(ctx, "assessments.edit", assessments.teamId).mapWith(Boolean) })
    .from(assessments)
    .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.id, assessmentId)));
  if (!assessment) throw notFoundError("The assessment");
  if (!assessment.permitted) throw forbidden("assessments.edit");
  throw new AppError("read_only", "This assessment has been submitted and is read-only. Start a new assessment to record changes.");
}
