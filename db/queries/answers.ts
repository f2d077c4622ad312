import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { answerColumns } from "@/lib/answer";
import { AppError, notFoundError } from "@/lib/errors";
import { findQuestion, scaleBounds } from "@/lib/model/lookup";
import type { Model } from "@/lib/model/schema";
import type { SaveAnswerInput } from "@/lib/validation/assessment";
import { queryRows } from "../client";
import type { Ctx } from "../context";
import { answers, assessments } from "../schema";
import { forbidden, requirePermissionOnSomeTeam, teamPermits } from "./access";
import { getModelVersion } from "./model-versions";

type AssessmentFacts = { organisationId: string; teamId: string; modelVersionId: string };
// An assessment's organisation, team and model never change: remember them, so autosave skips a
// query. Bounded, so a long-running server does not keep every assessment it ever saw.
const factsOf = new Map<string, AssessmentFacts>();
const FACTS_KEPT = 10_000;

/** The team and model of an assessment of the organisation; not found outside it. */
async function assessmentFacts(ctx: Ctx, assessmentId: string): Promise<AssessmentFacts> {
  let known = factsOf.get(assessmentId);
  if (!known) {
    const [row] = await ctx.db
      .select({ organisationId: assessments.organisationId, teamId: assessments.teamId, modelVersionId: assessments.modelVersionId })
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
    const { min, max } = scaleBounds(model);
    throw new AppError("invalid_input", `Level ${answer.level} is not on this model's scale (${min} to ${max}).`);
  }
}

/**
 * Saves (or replaces) the answer to one question of a draft assessment. Returns when it was saved.
 * Who may save is decided by the same statement that writes (a member must be in the team).
 */
export async function saveAnswer(ctx: Ctx, input: SaveAnswerInput): Promise<Date> {
  requirePermissionOnSomeTeam(ctx, "assessments.edit");
  const facts = await assessmentFacts(ctx, input.assessmentId);
  const model = await getModelVersion(ctx.db, facts.modelVersionId);
  if (!model) throw notFoundError("The assessment's model");
  checkAgainstModel(model, input);
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
      set kind = excluded.kind, level = excluded.level, reason = excluded.reason, note = excluded.note, updated_at = excluded.updated_at
    returning updated_at`,
  );
  // The timestamp may come back as text, depending on the driver.
  if (saved) return new Date(saved.updated_at);

  // Nothing written: say why (only on this rare path does it cost another query).
  const [assessment] = await ctx.db
    .select({ status: assessments.status, permitted: teamPermits(ctx, "assessments.edit", assessments.teamId).mapWith(Boolean) })
    .from(assessments)
    .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.id, input.assessmentId)));
  if (!assessment) throw notFoundError("The assessment");
  if (!assessment.permitted) throw forbidden("assessments.edit");
  throw new AppError("read_only", "This assessment has been submitted and is read-only. Start a new assessment to record changes.");
}
