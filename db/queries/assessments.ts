import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { AnswerValue } from "@/lib/answer";
import { AppError, notFound } from "@/lib/errors";
import type { Model } from "@/lib/model/schema";
import { unansweredQuestions } from "@/lib/scoring";
import { getDb } from "../client";
import { answers, assessments, modelVersions, teams } from "../schema";
import { type StoredAnswer, toAnswerMap, toStoredAnswer } from "./answer-rows";
import { recordAudit } from "./audit";
import { getLatestModelVersion, getModelVersion } from "./model-versions";

export type AssessmentSummary = {
  id: string;
  status: "draft" | "submitted";
  createdAt: Date;
  submittedAt: Date | null;
  modelName: string;
  modelVersion: string;
};

export type AssessmentDetail = {
  id: string;
  teamId: string;
  teamName: string;
  status: "draft" | "submitted";
  createdAt: Date;
  submittedAt: Date | null;
  modelVersionId: string;
  model: Model;
  answers: StoredAnswer[];
};

export async function listAssessments(organisationId: string, teamId: string): Promise<AssessmentSummary[]> {
  const db = await getDb();
  return db
    .select({
      id: assessments.id,
      status: assessments.status,
      createdAt: assessments.createdAt,
      submittedAt: assessments.submittedAt,
      modelName: modelVersions.name,
      modelVersion: modelVersions.version,
    })
    .from(assessments)
    .innerJoin(modelVersions, eq(modelVersions.id, assessments.modelVersionId))
    .where(and(eq(assessments.organisationId, organisationId), eq(assessments.teamId, teamId)))
    .orderBy(desc(assessments.createdAt));
}

export async function getAssessment(organisationId: string, assessmentId: string): Promise<AssessmentDetail | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: assessments.id,
      teamId: assessments.teamId,
      teamName: teams.name,
      status: assessments.status,
      createdAt: assessments.createdAt,
      submittedAt: assessments.submittedAt,
      modelVersionId: assessments.modelVersionId,
    })
    .from(assessments)
    .innerJoin(teams, eq(teams.id, assessments.teamId))
    .where(and(eq(assessments.organisationId, organisationId), eq(assessments.id, assessmentId)));
  if (!row) return undefined;
  const [model, answerRows] = await Promise.all([
    getModelVersion(row.modelVersionId),
    db
      .select()
      .from(answers)
      .where(and(eq(answers.organisationId, organisationId), eq(answers.assessmentId, assessmentId))),
  ]);
  if (!model) return undefined;
  return { ...row, model, answers: answerRows.map(toStoredAnswer) };
}

/** Starts an assessment for a team with the newest version of a model, or resumes the team's open draft. */
export async function startAssessment(organisationId: string, teamId: string, modelId: string): Promise<string> {
  const db = await getDb();
  const latest = await getLatestModelVersion(modelId);
  if (!latest) throw new AppError("invalid_input", `There is no model called “${modelId}”.`);
  return db.transaction(async (tx) => {
    const [team] = await tx
      .select({ archivedAt: teams.archivedAt })
      .from(teams)
      .where(and(eq(teams.organisationId, organisationId), eq(teams.id, teamId)))
      .for("update");
    if (!team) throw notFound("The team");
    if (team.archivedAt) throw new AppError("read_only", "This team is archived. Restore it to start an assessment.");
    const [draft] = await tx
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.teamId, teamId), eq(assessments.status, "draft")))
      .limit(1);
    if (draft) return draft.id;
    const [created] = await tx
      .insert(assessments)
      .values({ organisationId, teamId, modelVersionId: latest.id })
      .returning({ id: assessments.id });
    return created!.id;
  });
}

/** Submits a draft in which every question has an answer; from then on it is read-only. */
export async function submitAssessment(
  organisationId: string,
  assessmentId: string,
  actorId: string | null = null,
): Promise<{ teamId: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ teamId: assessments.teamId, status: assessments.status, modelVersionId: assessments.modelVersionId })
      .from(assessments)
      .where(and(eq(assessments.organisationId, organisationId), eq(assessments.id, assessmentId)))
      .for("update");
    if (!row) throw notFound("The assessment");
    if (row.status === "submitted") throw new AppError("read_only", "This assessment has already been submitted.");
    const model = await getModelVersion(row.modelVersionId, tx);
    if (!model) throw notFound("The assessment's model");
    const answerRows = await tx.select().from(answers).where(eq(answers.assessmentId, assessmentId));
    const missing = unansweredQuestions(model, toAnswerMap(answerRows.map(toStoredAnswer)));
    if (missing.length > 0) {
      throw new AppError(
        "incomplete",
        `${missing.length} question${missing.length === 1 ? " is" : "s are"} still unanswered. Answer every question (“unsure” and “not applicable” count) before submitting.`,
      );
    }
    await tx
      .update(assessments)
      .set({ status: "submitted", submittedAt: new Date() })
      .where(eq(assessments.id, assessmentId));
    const [team] = await tx.select({ name: teams.name }).from(teams).where(eq(teams.id, row.teamId));
    await recordAudit(tx, organisationId, actorId, {
      action: "assessment.submitted",
      summary: `Submitted an assessment for team “${team?.name ?? "?"}”`,
      detail: { assessmentId, teamId: row.teamId },
    });
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

/** A team's submitted assessments with their answers, oldest first. */
export async function listSubmittedAssessments(organisationId: string, teamId: string): Promise<SubmittedAssessment[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: assessments.id, submittedAt: assessments.submittedAt, modelVersionId: assessments.modelVersionId })
    .from(assessments)
    .where(
      and(
        eq(assessments.organisationId, organisationId),
        eq(assessments.teamId, teamId),
        eq(assessments.status, "submitted"),
      ),
    )
    .orderBy(asc(assessments.submittedAt));
  if (rows.length === 0) return [];
  const answerRows = await db
    .select()
    .from(answers)
    .where(and(eq(answers.organisationId, organisationId), inArray(answers.assessmentId, rows.map((r) => r.id))));
  const byAssessment = groupBy(answerRows, (a) => a.assessmentId);
  return Promise.all(
    rows.map(async (r) => {
      const model = await getModelVersion(r.modelVersionId);
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
