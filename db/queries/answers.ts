import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { AppError, notFound } from "@/lib/errors";
import { findQuestion, scaleBounds } from "@/lib/model/lookup";
import type { Model } from "@/lib/model/schema";
import type { SaveAnswerInput } from "@/lib/validation/assessment";
import { getDb } from "../client";
import { answers, assessments } from "../schema";
import { getModelVersion } from "./model-versions";

type AssessmentFacts = { organisationId: string; teamId: string; modelVersionId: string };
// An assessment's organisation, team and model never change: remember them, so autosave skips a query.
const factsOf = new Map<string, AssessmentFacts>();

/** The team an assessment belongs to, for authorisation; not found outside the organisation. */
export async function assessmentFacts(organisationId: string, assessmentId: string): Promise<AssessmentFacts> {
  let known = factsOf.get(assessmentId);
  if (!known) {
    const db = await getDb();
    const [row] = await db
      .select({ organisationId: assessments.organisationId, teamId: assessments.teamId, modelVersionId: assessments.modelVersionId })
      .from(assessments)
      .where(and(eq(assessments.organisationId, organisationId), eq(assessments.id, assessmentId)));
    if (row) factsOf.set(assessmentId, (known = row));
  }
  if (!known || known.organisationId !== organisationId) throw notFound("The assessment");
  return known;
}

async function assessmentModel(organisationId: string, assessmentId: string): Promise<Model> {
  const known = await assessmentFacts(organisationId, assessmentId);
  const model = await getModelVersion(known.modelVersionId);
  if (!model) throw notFound("The assessment's model");
  return model;
}

/** Saves (or replaces) the answer to one question of a draft assessment. Returns when it was saved. */
export async function saveAnswer(organisationId: string, input: SaveAnswerInput): Promise<Date> {
  const model = await assessmentModel(organisationId, input.assessmentId);
  if (!findQuestion(model, input.questionId)) {
    throw new AppError("invalid_input", `“${input.questionId}” is not a question of ${model.name} ${model.version}.`);
  }
  const { answer } = input;
  if (answer.kind === "level" && !model.scale.some((l) => l.value === answer.level)) {
    const { min, max } = scaleBounds(model);
    throw new AppError("invalid_input", `Level ${answer.level} is not on this model's scale (${min} to ${max}).`);
  }
  const level = answer.kind === "level" ? answer.level : null;
  const reason = answer.kind === "not_applicable" ? answer.reason : null;

  const db = await getDb();
  // One statement: it writes only while the assessment is a draft of this organisation. Its shared
  // row lock lets answers save side by side, while a submission (which locks the row for update)
  // waits for them, and any answer arriving after a submission finds no draft and writes nothing.
  const result = await db.execute(sql`
    insert into ${answers} (organisation_id, assessment_id, question_id, kind, level, reason, note, updated_at)
    select a.organisation_id, a.id, ${input.questionId}, ${answer.kind}, ${level}::integer, ${reason}::text, ${input.note}::text, now()
    from ${assessments} a
    where a.id = ${input.assessmentId} and a.organisation_id = ${organisationId} and a.status = 'draft'
    for share
    on conflict (assessment_id, question_id) do update
      set kind = excluded.kind, level = excluded.level, reason = excluded.reason, note = excluded.note, updated_at = excluded.updated_at
    returning updated_at`);
  // Both drivers answer with { rows }, typed differently; the timestamp may come as text.
  const saved = (result as unknown as { rows: { updated_at: string | Date }[] }).rows[0];
  if (saved) return new Date(saved.updated_at);

  const [assessment] = await db
    .select({ status: assessments.status })
    .from(assessments)
    .where(and(eq(assessments.organisationId, organisationId), eq(assessments.id, input.assessmentId)));
  if (!assessment) throw notFound("The assessment");
  throw new AppError("read_only", "This assessment has been submitted and is read-only. Start a new assessment to record changes.");
}
