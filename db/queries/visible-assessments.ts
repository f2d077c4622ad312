import "server-only";
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { toAnswerMap, type AnswerValue, type StoredAnswer } from "@/lib/answer";
import type { Model } from "@/lib/model/schema";
import type { Scope } from "@/lib/permissions";
import type { RespondentMode } from "@/lib/respondents";
import type { Ctx } from "../context";
import { answers, assessments, modelVersions, teams } from "../schema";
import { actorInTeam, requirePermission, teamPermits } from "./access";
import { getModelVersion } from "./model-versions";
import { teamResultsVisible } from "./privacy";
import { storedAnswerColumns, toStoredAnswer } from "./stored-answers";

// Reading a team's assessments: submitted ones only where the organisation lets the reader see the
// team's results, drafts only to those who may read the team's drafts.

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
export const visibleToActor = (ctx: Ctx) =>
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
