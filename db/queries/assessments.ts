import "server-only";
import { and, eq } from "drizzle-orm";
import { answerFromColumns } from "@/lib/answer";
import { unreviewedText, type StartFrom } from "@/lib/carry";
import { now } from "@/lib/clock";
import { countedAnswers } from "@/lib/counted-answers";
import { dayOf } from "@/lib/evidence/expiry";
import { AppError, notFoundError } from "@/lib/errors";
import { byRespondents, LEAD_ONLY, leads, respondentSpread, type RespondentMode } from "@/lib/respondents";
import { scoreAssessment, unansweredQuestions } from "@/lib/scoring";
import { respondentsOf, storeScores } from "../score-rows";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { answers, assessments, teams } from "../schema";
import { requirePermissionOnSomeTeam, requireTeamPermission } from "./access";
import { recordAudit } from "./audit";
import { raiseSubmissionEvents } from "./webhook-raise";
import { carryTeamAnswers, lastSubmitted } from "./carry";
import { carryEvidence } from "./evidence-carry";
import { lapsesAtSubmission } from "./evidence-lapses";
import { measureAtSubmission } from "./measured-levels";
import { getLatestModelVersion, getModelVersion, getVisibleModelVersion } from "./model-versions";
import { applyWorkshopAgreement } from "./workshop-agreements";
import { endWorkshopsOf } from "./workshop-state";

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
    if (carriedFrom) await carryEvidence(ctx, created!.id, carriedFrom.id, latest.model);
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
    // The measured level caps an answer, and lapsed evidence lowers it, where the organisation chose
    // so: measured and found now, and kept.
    const caps = await measureAtSubmission(ctx, { assessmentId, teamId: row.teamId, model, given, submittedAt });
    const lapses = await lapsesAtSubmission(ctx, { assessmentId, day: dayOf(recreated ? submittedAt : now()) });
    const counted = countedAnswers(model, given, { caps, lapses });
    await storeScores(ctx.db, [{ organisationId: ctx.organisationId, assessmentId, score: scoreAssessment(model, counted), spread }]);
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
