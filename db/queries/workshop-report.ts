import "server-only";
import { and, eq } from "drizzle-orm";
import { answerFromColumns } from "@/lib/answer";
import { AppError, notFoundError } from "@/lib/errors";
import { allows, refusals } from "@/lib/permissions";
import { voteFromColumns } from "@/lib/workshop/tally";
import type { WorkshopReportInput } from "@/lib/workshop/report";
import type { Ctx } from "../context";
import { answers, assessments, teams, workshopQuestions, workshops } from "../schema";
import { requirePermission, teamScopes } from "./access";
import { votersOf, votesOf } from "./workshop-view";
import { workshopAgreement } from "./workshop-agreements";
import { getModelVersion } from "./model-versions";
import { privateResultsError, teamResultsVisible } from "./privacy";
import { listTeamScores } from "./scores";

/**
 * What the workshop report is made of; for those who may see the team's draft (it shows its
 * answers), and refused first, said plainly, where the organisation keeps the team's results to the
 * team and its leads (a workshop is the team's own).
 */
export async function workshopReportInput(ctx: Ctx, workshopId: string): Promise<WorkshopReportInput> {
  requirePermission(ctx, "results.read");
  const [w] = await ctx.db
    .select({
      assessmentId: workshops.assessmentId,
      anonymity: workshops.anonymity,
      openedAt: workshops.createdAt,
      endedAt: workshops.endedAt,
      teamId: assessments.teamId,
      teamName: teams.name,
      modelVersionId: assessments.modelVersionId,
      submittedAt: assessments.submittedAt,
      resultsVisible: teamResultsVisible(ctx, assessments.teamId).mapWith(Boolean),
    })
    .from(workshops)
    .innerJoin(assessments, eq(assessments.id, workshops.assessmentId))
    .innerJoin(teams, eq(teams.id, assessments.teamId))
    .where(and(eq(workshops.organisationId, ctx.organisationId), eq(workshops.id, workshopId)));
  if (!w) throw notFoundError("The workshop");
  if (!w.resultsVisible) throw privateResultsError();
  const scopes = await teamScopes(ctx, [w.teamId]);
  if (!allows(ctx.actor, "drafts.read", scopes.get(w.teamId))) throw new AppError("forbidden", refusals["drafts.read"]);
  const [model, people, votes, agreed, given, scored] = await Promise.all([
    getModelVersion(ctx.db, w.modelVersionId),
    votersOf(ctx.db, [workshopId]),
    votesOf(ctx.db, [workshopId]),
    ctx.db
      .select({
        questionId: workshopQuestions.questionId,
        kind: workshopQuestions.consensusKind,
        level: workshopQuestions.consensusLevel,
        note: workshopQuestions.note,
      })
      .from(workshopQuestions)
      .where(eq(workshopQuestions.workshopId, workshopId)),
    ctx.db
      .select({ questionId: answers.questionId, kind: answers.kind, level: answers.level, reason: answers.reason })
      .from(answers)
      .where(and(eq(answers.organisationId, ctx.organisationId), eq(answers.assessmentId, w.assessmentId))),
    listTeamScores(ctx, w.teamId),
  ]);
  if (!model) throw notFoundError("The workshop's model");
  const agreement = await workshopAgreement(ctx, workshopId, model);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const previous = scored.filter((s) => s.assessmentId !== w.assessmentId && (w.submittedAt === null || s.submittedAt < w.submittedAt)).at(-1);
  return {
    teamId: w.teamId,
    assessmentId: w.assessmentId,
    teamName: w.teamName,
    model,
    anonymity: w.anonymity,
    openedAt: w.openedAt,
    endedAt: w.endedAt,
    participants: people.length,
    votes: votes.map((v) => ({ questionId: v.questionId, round: v.round, name: nameOf.get(v.participantId) ?? null, vote: voteFromColumns(v) })),
    consensus: agreed.flatMap((c) => (c.kind ? [{ questionId: c.questionId, answer: voteFromColumns({ kind: c.kind, level: c.level }), note: c.note }] : [])),
    answers: new Map(given.map((a) => [a.questionId, answerFromColumns(a)])),
    previous: previous && { submittedAt: previous.submittedAt, score: previous.score },
    submitted: w.submittedAt !== null,
    agreement,
  };
}
