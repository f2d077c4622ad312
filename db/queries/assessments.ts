import "server-only";
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { answerFromColumns, toAnswerMap, type AnswerValue, type StoredAnswer } from "@/lib/answer";
import { unreviewedText, type StartFrom } from "@/lib/carry";
import { AppError, notFoundError } from "@/lib/errors";
import type { Model } from "@/lib/model/schema";
import type { Scope } from "@/lib/permissions";
import { byRespondents, LEAD_ONLY, leads, respondentSpread, type RespondentMode } from "@/lib/respondents";
import { scoreAssessment, unansweredQuestions } from "@/lib/scoring";
import { respondentsOf, storeScores } from "../score-rows";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { answers, assessments, modelVersions, teams } from "../schema";
import { actorInTeam, requirePermission, requirePermissionOnSomeTeam, requireTeamPermission, teamPermits } from "./access";
import { recordAudit } from "./audit";
import { raiseSubmissionEvents } from "./webhook-raise";
import { teamResultsVisible } from "./privacy";
import { carryTeamAnswers, lastSubmitted } from "./carry";
import { storedAnswerColumns, toStoredAnswer } from "./stored-answers";
import { getLatestModelVersion, getModelVersion, getVisibleModelVersion } from "./model-versions";
import { applyWorkshopAgreement } from "./workshop-agreements";
import { endWorkshopsOf } from "./workshop-state";

export type AssessmentSummary = {
  id: string;
  status: "draft" | "submitted";
  createdAt: Date;
  submittedAt: Date | null;
  modelId: string;
  modelName: string;
  modelVersion: string;
};

export type AssessmentDetail = {
  id: string;
  teamId: string;
  teamName: string;
  teamArchived: boolean;
  status: "draft" | "submitted";
  createdAt: Date;
  submittedAt: Date | null;
  modelVersionId: string;
  /** Answered together, or by each member (then `answers` are the team answers, and `openedBy` leads). */
  respondents: RespondentMode;
  openedBy: string | null;
  model: Model;
  answers: StoredAnswer[];
  /** What the actor is to the assessment's team. */
  scope: Scope;
  /** The submitted assessment it started from, when it was started from the last answers. */
  carriedFrom: { id: string; submittedAt: Date } | null;
};

/** Submitted assessments, and drafts where the actor may see them: never outside the team. */
const visibleToActor = (ctx: Ctx) =>
  or(and(eq(assessments.status, "submitted"), teamResultsVisible(ctx, assessments.teamId)), teamPermits(ctx, "drafts.read", assessments.teamId));

/** A team's assessments, newest first; drafts only for those who may see them. */
export async function listAssessments(ctx: Ctx, teamId: string): Promise<AssessmentSummary[]> {
  requirePermission(ctx, "results.read");
  return (
    ctx.db
      .select({
        id: assessments.id,
        status: assessments.status,
        createdAt: assessments.createdAt,
        submittedAt: assessments.submittedAt,
        modelId: modelVersions.modelId,
        modelName: modelVersions.name,
        modelVersion: modelVersions.version,
      })
      .from(assessments)
      .innerJoin(modelVersions, eq(modelVersions.id, assessments.modelVersionId))
      .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.teamId, teamId), visibleToActor(ctx)))
      // Assessments imported together were started at the same moment: then the later submission first.
      .orderBy(desc(assessments.createdAt), desc(assessments.submittedAt))
  );
}

/** The assessment a draft was started from, joined to it. */
const source = alias(assessments, "source");

/** One assessment with its model and answers; undefined when it does not exist for this actor. */
export async function getAssessment(ctx: Ctx, assessmentId: string): Promise<AssessmentDetail | undefined> {
  requirePermission(ctx, "results.read");
  const [row] = await ctx.db
    .select({
      id: assessments.id,
      teamId: assessments.teamId,
      teamName: teams.name,
      teamArchived: sql<boolean>`${teams.archivedAt} is not null`,
      status: assessments.status,
      createdAt: assessments.createdAt,
      submittedAt: assessments.submittedAt,
      modelVersionId: assessments.modelVersionId,
      respondents: assessments.respondents,
      openedBy: assessments.openedBy,
      teamMember: actorInTeam(ctx, assessments.teamId).mapWith(Boolean),
      carriedFromId: source.id,
      carriedFromAt: source.submittedAt,
    })
    .from(assessments)
    .innerJoin(teams, eq(teams.id, assessments.teamId))
    .leftJoin(source, eq(source.id, assessments.carriedFrom))
    .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.id, assessmentId), visibleToActor(ctx)));
  if (!row) return undefined;
  const [model, answerRows] = await Promise.all([
    getModelVersion(ctx.db, row.modelVersionId),
    ctx.db
      .select(storedAnswerColumns(answers))
      .from(answers)
      .where(and(eq(answers.organisationId, ctx.organisationId), eq(answers.assessmentId, assessmentId))),
  ]);
  if (!model) return undefined;
  const { teamMember, carriedFromId, carriedFromAt, ...assessment } = row;
  const carriedFrom = carriedFromId && carriedFromAt ? { id: carriedFromId, submittedAt: carriedFromAt } : null;
  return { ...assessment, model, answers: answerRows.map(toStoredAnswer), scope: { teamMember }, carriedFrom };
}

/**
 * Starts an assessment for a team with the newest version of a model, answered together or by each
 * member (the starter leads it), from the team's last answers to that model or blank; or resumes
 * the team's open draft as it was started.
 */
export async function startAssessment(
  ctx: Ctx,
  teamId: string,
  modelId: string,
  {
    respondents = "shared",
    from = "last",
    history,
  }: {
    respondents?: RespondentMode;
    from?: StartFrom;
    /**
     * Recreating an assessment of an imported history: its id and the exact model version it was
     * answered against. It starts blank, beside any draft the team has.
     */
    history?: { id: string; modelVersionId: string };
  } = {},
): Promise<string> {
  requirePermissionOnSomeTeam(ctx, "assessments.edit");
  const latest = history ? await getVisibleModelVersion(ctx, modelId, history.modelVersionId) : await getLatestModelVersion(ctx, modelId);
  if (!latest) throw new AppError("invalid_input", `There is no model called “${modelId}”.`);
  return withTransaction(ctx, async (ctx) => {
    const [team] = await ctx.db
      .select({ archivedAt: teams.archivedAt })
      .from(teams)
      .where(and(eq(teams.organisationId, ctx.organisationId), eq(teams.id, teamId)))
      .for("update");
    if (!team) throw notFoundError("The team");
    await requireTeamPermission(ctx, "assessments.edit", teamId);
    if (team.archivedAt) throw new AppError("read_only", "This team is archived. Restore it to start an assessment.");
    const [draft] = await ctx.db
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.teamId, teamId), eq(assessments.status, "draft")))
      .limit(1);
    if (draft && !history) return draft.id;
    const carriedFrom = from === "last" && !history ? await lastSubmitted(ctx, teamId, modelId) : undefined;
    const [created] = await ctx.db
      .insert(assessments)
      .values({
        id: history?.id,
        organisationId: ctx.organisationId,
        teamId,
        modelVersionId: latest.id,
        respondents,
        openedBy: ctx.actor.kind === "member" ? ctx.actor.userId : null,
        carriedFrom: carriedFrom?.id ?? null,
      })
      .returning({ id: assessments.id });
    // Answered together, the team's answers start as last cycle's; by each member, each member's own do, when they open it.
    if (carriedFrom && !byRespondents(respondents)) await carryTeamAnswers(ctx, created!.id, carriedFrom.id, latest.model);
    return created!.id;
  });
}

/**
 * Submits a draft in which every question has an answer; from then on it is read-only. Its score
 * is computed and stored in the same transaction, so every page reads it instead of scoring again.
 */
export async function submitAssessment(
  ctx: Ctx,
  assessmentId: string,
  /** When it was submitted, for an assessment recreated from an imported history; now otherwise. */
  options: { submittedAt?: Date } = {},
): Promise<{ teamId: string }> {
  const submittedAt = options.submittedAt ?? new Date();
  const recreated = options.submittedAt !== undefined;
  requirePermissionOnSomeTeam(ctx, "assessments.edit");
  return withTransaction(ctx, async (ctx) => {
    const [row] = await ctx.db
      .select({
        teamId: assessments.teamId,
        status: assessments.status,
        modelVersionId: assessments.modelVersionId,
        respondents: assessments.respondents,
        openedBy: assessments.openedBy,
      })
      .from(assessments)
      .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.id, assessmentId)))
      .for("update");
    if (!row) throw notFoundError("The assessment");
    await requireTeamPermission(ctx, "assessments.edit", row.teamId);
    if (row.status === "submitted") throw new AppError("read_only", "This assessment has already been submitted.");
    const several = byRespondents(row.respondents);
    if (several && !leads(ctx.actor, row.openedBy)) throw new AppError("forbidden", LEAD_ONLY);
    const model = await getModelVersion(ctx.db, row.modelVersionId);
    if (!model) throw notFoundError("The assessment's model");
    const answerRows = await ctx.db
      .select({ questionId: answers.questionId, kind: answers.kind, level: answers.level, reason: answers.reason, carried: answers.carried })
      .from(answers)
      .where(eq(answers.assessmentId, assessmentId));
    const given = new Map(answerRows.map((a) => [a.questionId, answerFromColumns(a)]));
    const missing = unansweredQuestions(model, given);
    if (missing.length > 0) {
      throw new AppError(
        "incomplete",
        `${missing.length} question${missing.length === 1 ? " is" : "s are"} still unanswered. Answer every question (“unsure” and “not applicable” count) before submitting.`,
      );
    }
    const unreviewed = answerRows.filter((a) => a.carried === "unreviewed").length;
    if (unreviewed > 0) throw new AppError("incomplete", unreviewedText(unreviewed));
    await ctx.db.update(assessments).set({ status: "submitted", submittedAt }).where(eq(assessments.id, assessmentId));
    // A workshop still running on it ends with it: its phones are told, and take no more votes.
    await endWorkshopsOf(ctx, assessmentId);
    const spread = several ? respondentSpread(model, (await respondentsOf(ctx.db, [assessmentId])).get(assessmentId) ?? []) : null;
    await storeScores(ctx.db, [{ organisationId: ctx.organisationId, assessmentId, score: scoreAssessment(model, given), spread }]);
    // What a workshop on it agreed becomes its target and first actions, with it or not at all.
    await applyWorkshopAgreement(ctx, { assessmentId, model });
    const [team] = await ctx.db.select({ name: teams.name }).from(teams).where(eq(teams.id, row.teamId));
    await recordAudit(ctx, {
      action: "assessment.submitted",
      summary: `Submitted an assessment for team “${team?.name ?? "?"}”`,
      detail: { assessmentId, teamId: row.teamId },
    });
    // An assessment recreated from an imported history happened long ago: nobody is told now.
    if (!recreated) await raiseSubmissionEvents(ctx, { teamId: row.teamId, assessmentId });
    return { teamId: row.teamId };
  });
}

export type SubmittedAssessment = {
  id: string;
  submittedAt: Date;
  modelVersionId: string;
  model: Model;
  answers: Map<string, AnswerValue>;
};

/** A team's submitted assessments with every answer, oldest first (for comparing answers; scores are stored). */
export async function listSubmittedAssessments(ctx: Ctx, teamId: string): Promise<SubmittedAssessment[]> {
  requirePermission(ctx, "results.read");
  const rows = await ctx.db
    .select({ id: assessments.id, submittedAt: assessments.submittedAt, modelVersionId: assessments.modelVersionId })
    .from(assessments)
    .where(
      and(
        eq(assessments.organisationId, ctx.organisationId),
        eq(assessments.teamId, teamId),
        eq(assessments.status, "submitted"),
        teamResultsVisible(ctx, assessments.teamId),
      ),
    )
    .orderBy(asc(assessments.submittedAt));
  if (rows.length === 0) return [];
  const answerRows = await ctx.db
    .select({ assessmentId: answers.assessmentId, ...storedAnswerColumns(answers) })
    .from(answers)
    .where(
      and(
        eq(answers.organisationId, ctx.organisationId),
        inArray(
          answers.assessmentId,
          rows.map((r) => r.id),
        ),
      ),
    );
  const byAssessment = groupBy(answerRows, (a) => a.assessmentId);
  return Promise.all(
    rows.map(async (r) => {
      const model = await getModelVersion(ctx.db, r.modelVersionId);
      if (!model) throw new Error(`model version ${r.modelVersionId} is missing`);
      return {
        id: r.id,
        submittedAt: r.submittedAt!,
        modelVersionId: r.modelVersionId,
        model,
        answers: toAnswerMap((byAssessment.get(r.id) ?? []).map(toStoredAnswer)),
      };
    }),
  );
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
