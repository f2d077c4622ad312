import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { HistoryWorkshop } from "@/lib/contracts/history";
import { AppError, notFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { makeJoinCode } from "@/lib/workshop/join-code";
import { voteFromColumns, type Vote } from "@/lib/workshop/tally";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { assessments, teams, workshopAgreements, workshopParticipants, workshopQuestions, workshops, workshopVotes } from "../schema";
import { requirePermission, requirePermissionOnSomeTeam, requireTeamPermission } from "./access";
import { recordAudit } from "./audit";
import { getModelVersion } from "./model-versions";
import { agreedActionsSchema } from "@/lib/validation/workshop-agreement";
import { questionIdsOf } from "./workshop-state";
import { votersOf, votesOf } from "./workshop-view";

// The workshops of a history: what an export reads of the ended workshops of its assessments (what
// their reports show, never a join code or a participant's token), and the one write an import
// makes of each, since the live writes run on a draft with people in the room.

/** The ended workshops of the submitted assessments given whose report shows something (a vote, an agreed answer or the next bottleneck), oldest first. */
export async function listHistoryWorkshops(ctx: Ctx, assessmentIds: readonly string[]): Promise<HistoryWorkshop[]> {
  requirePermission(ctx, "results.read");
  if (assessmentIds.length === 0) return [];
  const heads = await ctx.db
    .select({
      id: workshops.id,
      assessmentId: workshops.assessmentId,
      anonymity: workshops.anonymity,
      openedAt: workshops.createdAt,
      endedAt: workshops.endedAt,
    })
    .from(workshops)
    .where(
      and(
        eq(workshops.organisationId, ctx.organisationId),
        eq(workshops.status, "ended"),
        isNotNull(workshops.endedAt),
        inArray(workshops.assessmentId, [...assessmentIds]),
      ),
    )
    .orderBy(asc(workshops.createdAt), asc(workshops.id));
  if (heads.length === 0) return [];
  const ids = heads.map((w) => w.id);
  const people = await votersOf(ctx.db, ids);
  const votes = await votesOf(ctx.db, ids);
  const agreed = await ctx.db
    .select({
      workshopId: workshopQuestions.workshopId,
      questionId: workshopQuestions.questionId,
      kind: workshopQuestions.consensusKind,
      level: workshopQuestions.consensusLevel,
      note: workshopQuestions.note,
    })
    .from(workshopQuestions)
    .where(and(inArray(workshopQuestions.workshopId, ids), isNotNull(workshopQuestions.consensusKind)))
    .orderBy(asc(workshopQuestions.questionId));
  const agreements = await ctx.db.select().from(workshopAgreements).where(inArray(workshopAgreements.workshopId, ids));

  return heads.flatMap((w) => {
    const present = new Set(people.filter((p) => p.workshopId === w.id).map((p) => p.id));
    const theirVotes = votes.filter((v) => v.workshopId === w.id && present.has(v.participantId));
    const theirAgreed = agreed.filter((a) => a.workshopId === w.id);
    const agreement = agreements.find((a) => a.workshopId === w.id);
    if (theirVotes.length === 0 && theirAgreed.length === 0 && !agreement) return [];
    return [
      {
        id: w.id,
        assessmentId: w.assessmentId,
        anonymity: w.anonymity,
        openedAt: w.openedAt.toISOString(),
        endedAt: w.endedAt!.toISOString(),
        participants: people.filter((p) => p.workshopId === w.id).map((p) => ({ id: p.id, name: w.anonymity === "named" ? p.name : null })),
        votes: theirVotes.map((v) => ({ participantId: v.participantId, questionId: v.questionId, round: v.round, vote: voteFromColumns(v) })),
        agreed: theirAgreed.map((a) => ({ questionId: a.questionId, answer: voteFromColumns({ kind: a.kind!, level: a.level }), note: a.note })),
        agreement: agreement
          ? {
              areaId: agreement.areaId,
              fromScore: agreement.fromScore,
              level: agreement.targetLevel,
              dueOn: agreement.dueOn,
              actions: agreedActionsSchema.parse(agreement.actions),
              agreedAt: agreement.agreedAt.toISOString(),
              appliedAt: agreement.appliedAt?.toISOString() ?? null,
            }
          : null,
      },
    ];
  });
}

const level = (vote: Vote) => (vote.kind === "level" ? vote.level : null);

/**
 * Records an ended workshop of an imported history on its submitted assessment, as it was: its
 * participants (without tokens: nobody joins an ended workshop), their votes, what was agreed and
 * the next bottleneck, already applied where it was. Its join code is drawn afresh. By someone who
 * may run the team's workshops; audited as them.
 */
export async function recordWorkshopHistory(ctx: Ctx, w: HistoryWorkshop): Promise<void> {
  requirePermissionOnSomeTeam(ctx, "assessments.edit");
  await withTransaction(ctx, async (ctx) => {
    const [assessment] = await ctx.db
      .select({ teamId: assessments.teamId, teamName: teams.name, status: assessments.status, modelVersionId: assessments.modelVersionId })
      .from(assessments)
      .innerJoin(teams, eq(teams.id, assessments.teamId))
      .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.id, w.assessmentId)))
      .for("update", { of: assessments });
    if (!assessment) throw notFoundError("The workshop's assessment");
    await requireTeamPermission(ctx, "assessments.edit", assessment.teamId);
    if (assessment.status !== "submitted") throw new AppError("invalid_input", "A workshop of a history comes with its submitted assessment.");
    const model = await getModelVersion(ctx.db, assessment.modelVersionId);
    if (!model) throw notFoundError("The assessment's model");
    const questions = questionIdsOf(model);
    const people = new Set(w.participants.map((p) => p.id));
    const stray = [...w.votes, ...w.agreed].find((x) => !questions.includes(x.questionId));
    if (stray) throw new AppError("invalid_input", `The workshop (${w.id}) names the question ${stray.questionId}, which its model does not have.`);
    if (w.votes.some((v) => !people.has(v.participantId)))
      throw new AppError("invalid_input", `The workshop (${w.id}) has a vote of someone who is not among its participants.`);
    if (w.agreement && !model.areas.some((a) => a.id === w.agreement!.areaId))
      throw new AppError("invalid_input", `The workshop (${w.id}) agreed on the area ${w.agreement.areaId}, which its model does not have.`);

    const openedAt = new Date(w.openedAt);
    await ctx.db.insert(workshops).values({
      id: w.id,
      organisationId: ctx.organisationId,
      assessmentId: w.assessmentId,
      joinCode: makeJoinCode(randomBytes),
      anonymity: w.anonymity,
      status: "ended",
      questionId: questions[0]!,
      createdAt: openedAt,
      endedAt: new Date(w.endedAt),
    });
    if (w.participants.length > 0)
      await ctx.db
        .insert(workshopParticipants)
        .values(w.participants.map((p) => ({ id: p.id, workshopId: w.id, organisationId: ctx.organisationId, name: p.name, createdAt: openedAt })));
    if (w.votes.length > 0)
      await ctx.db.insert(workshopVotes).values(
        w.votes.map((v) => ({
          workshopId: w.id,
          participantId: v.participantId,
          questionId: v.questionId,
          round: v.round,
          kind: v.vote.kind,
          level: level(v.vote),
        })),
      );
    const lastRound = (questionId: string) => Math.max(0, ...w.votes.filter((v) => v.questionId === questionId).map((v) => v.round)) || null;
    const discussed = [...new Set([...w.votes.map((v) => v.questionId), ...w.agreed.map((a) => a.questionId)])];
    if (discussed.length > 0)
      await ctx.db.insert(workshopQuestions).values(
        discussed.map((questionId) => {
          const agreed = w.agreed.find((a) => a.questionId === questionId);
          return {
            workshopId: w.id,
            questionId,
            consensusKind: agreed?.answer.kind ?? null,
            consensusLevel: agreed ? level(agreed.answer) : null,
            note: agreed?.note ?? null,
            revealedRound: lastRound(questionId),
          };
        }),
      );
    if (w.agreement) {
      const a = w.agreement;
      await ctx.db.insert(workshopAgreements).values({
        workshopId: w.id,
        organisationId: ctx.organisationId,
        areaId: a.areaId,
        fromScore: a.fromScore,
        targetLevel: a.level,
        dueOn: a.dueOn,
        actions: a.actions,
        agreedAt: new Date(a.agreedAt),
        appliedAt: a.appliedAt ? new Date(a.appliedAt) : null,
      });
    }
    await recordAudit(ctx, {
      action: "workshop.imported",
      summary: `Imported the workshop of team “${assessment.teamName}” held ${formatDate(w.openedAt)}`,
      detail: { workshopId: w.id, assessmentId: w.assessmentId },
    });
  });
}
