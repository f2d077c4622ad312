import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull, max, ne, sql } from "drizzle-orm";
import { AppError, notFoundError } from "@/lib/errors";
import { allows } from "@/lib/permissions";
import { findQuestion } from "@/lib/model/lookup";
import { moveTo, type Anonymity, type Move } from "@/lib/workshop/rules";
import { makeJoinCode } from "@/lib/workshop/join-code";
import type { Vote } from "@/lib/workshop/tally";
import type { Ctx, TxCtx } from "../context";
import { withTransaction } from "../transaction";
import { assessments, teams, workshopParticipants, workshopQuestions, workshops, workshopVotes } from "../schema";
import { requirePermission, requirePermissionOnSomeTeam, requireTeamPermission, teamScopes } from "./access";
import { saveTeamAnswer } from "./answers";
import { revealIfEveryoneVoted, voteFor } from "./workshop-votes";
import { recordAudit } from "./audit";
import { raiseWorkshopEnded } from "./webhook-raise";
import { getModelVersion } from "./model-versions";
import { isUniqueViolation } from "./pg-errors";
import { privateResultsError, teamResultsVisible } from "./privacy";
import { announce, changeWorkshop, lockWorkshop, mayFacilitate, questionIdsOf, revealRound, type LockedWorkshop } from "./workshop-state";

// The facilitator's side of a workshop: open it on a team's draft, move through the questions,
// reveal, re-vote, record the consensus (which becomes the team answer), pause and end. Only
// someone who may answer the team's assessment runs its workshop, checked inside every write.

const FACILITATOR_ONLY = "Only the team's members, facilitators, admins and owners can run its workshop.";
const OPENER_ONLY = "This workshop is run by the person who opened it (or an owner or admin). You can follow it in the presenter view.";

async function requireFacilitator(ctx: Ctx, teamId: string): Promise<void> {
  try {
    await requireTeamPermission(ctx, "assessments.edit", teamId);
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") throw new AppError("forbidden", FACILITATOR_ONLY);
    throw error;
  }
}

export type OpenWorkshopInput = { assessmentId: string; anonymity: Anonymity; autoReveal: boolean };

/** Opens a workshop on a draft assessment (or returns the one already running on it), at its first question. */
export async function openWorkshop(ctx: Ctx, input: OpenWorkshopInput, random = randomBytes): Promise<{ id: string; joinCode: string }> {
  requirePermissionOnSomeTeam(ctx, "assessments.edit");
  for (let attempt = 0; ; attempt++) {
    try {
      return await withTransaction(ctx, async (ctx) => {
        const [assessment] = await ctx.db
          .select({ teamId: assessments.teamId, teamName: teams.name, status: assessments.status, modelVersionId: assessments.modelVersionId })
          .from(assessments)
          .innerJoin(teams, eq(teams.id, assessments.teamId))
          .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.id, input.assessmentId)))
          .for("update", { of: assessments });
        if (!assessment) throw notFoundError("The assessment");
        await requireFacilitator(ctx, assessment.teamId);
        if (assessment.status !== "draft") throw new AppError("read_only", "This assessment has been submitted; a workshop runs on a draft.");
        const [running] = await ctx.db
          .select({ id: workshops.id, joinCode: workshops.joinCode })
          .from(workshops)
          .where(and(eq(workshops.assessmentId, input.assessmentId), ne(workshops.status, "ended")));
        if (running) return running;
        const model = await getModelVersion(ctx.db, assessment.modelVersionId);
        if (!model) throw notFoundError("The assessment's model");
        const [created] = await ctx.db
          .insert(workshops)
          .values({
            organisationId: ctx.organisationId,
            assessmentId: input.assessmentId,
            joinCode: makeJoinCode(random),
            anonymity: input.anonymity,
            autoReveal: input.autoReveal,
            questionId: questionIdsOf(model)[0]!,
            facilitatorId: ctx.actor.kind === "member" ? ctx.actor.userId : null,
          })
          .returning({ id: workshops.id, joinCode: workshops.joinCode });
        await recordAudit(ctx, {
          action: "workshop.opened",
          summary: `Opened a workshop for team “${assessment.teamName}”`,
          detail: { workshopId: created!.id, assessmentId: input.assessmentId },
        });
        return created!;
      });
    } catch (error) {
      // A join code that clashed (about one in 10^11), or a workshop opened on the same draft at
      // the same moment: try again, which draws another code or finds the one now running.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** Inside a write, with the workshop locked: refuses anyone but the one who runs it (or an owner or admin) in the team. */
export async function requireRunner(ctx: Ctx, workshop: LockedWorkshop): Promise<void> {
  await requireFacilitator(ctx, workshop.teamId);
  if (!mayFacilitate(ctx.actor, workshop)) throw new AppError("forbidden", OPENER_ONLY);
}

/** The facilitator's hand on a running workshop: locked, checked, not ended. */
async function runWorkshop<T>(ctx: Ctx, workshopId: string, change: (ctx: TxCtx, w: LockedWorkshop) => Promise<T>): Promise<T> {
  requirePermissionOnSomeTeam(ctx, "assessments.edit");
  return withTransaction(ctx, async (ctx) => {
    const workshop = await lockWorkshop(ctx, workshopId, "update");
    await requireRunner(ctx, workshop);
    if (workshop.status === "ended") throw new AppError("read_only", "This workshop has ended.");
    return change(ctx, workshop);
  });
}

/** Shows the votes of the current question to everyone. */
export function reveal(ctx: Ctx, workshopId: string): Promise<void> {
  return runWorkshop(ctx, workshopId, async (ctx, w) => {
    if (w.phase !== "revealed") await revealRound(ctx, w);
  });
}

/** Opens a new round on the current question once its votes are revealed: everyone votes again, the earlier round is kept. */
export function revote(ctx: Ctx, workshopId: string): Promise<void> {
  return runWorkshop(ctx, workshopId, async (ctx, w) => {
    if (w.phase !== "revealed") throw new AppError("conflict", "Reveal this round's votes first; then the room can vote again.");
    await changeWorkshop(ctx, w.id, { phase: "voting", round: w.round + 1, timerEndsAt: null });
  });
}

/**
 * Goes to the next, the previous or a chosen question. A question comes back as it was left: its
 * last round revealed if it was, open for voting if it was not; a new one opens for voting.
 */
export function moveWorkshop(ctx: Ctx, workshopId: string, move: Move): Promise<{ questionId: string }> {
  return runWorkshop(ctx, workshopId, async (ctx, w) => {
    const questionId = moveTo(questionIdsOf(w.model), w.questionId, move);
    if (!questionId)
      throw new AppError("invalid_input", move.to === "question" ? "That question is not in this assessment's model." : `There is no ${move.to} question.`);
    if (questionId === w.questionId) return { questionId };
    const [[last], [kept]] = await Promise.all([
      ctx.db
        .select({ round: max(workshopVotes.round) })
        .from(workshopVotes)
        .where(and(eq(workshopVotes.workshopId, w.id), eq(workshopVotes.questionId, questionId))),
      ctx.db
        .select({ revealedRound: workshopQuestions.revealedRound })
        .from(workshopQuestions)
        .where(and(eq(workshopQuestions.workshopId, w.id), eq(workshopQuestions.questionId, questionId))),
    ]);
    const round = last?.round ?? 1;
    const revealed = kept?.revealedRound != null && kept.revealedRound >= round;
    await changeWorkshop(ctx, w.id, { questionId, round, phase: revealed ? "revealed" : "voting", timerEndsAt: null });
    return { questionId };
  });
}

/** Starts a countdown for the current question (or stops it with `seconds` null). */
export function setTimer(ctx: Ctx, workshopId: string, seconds: number | null, now = new Date()): Promise<void> {
  return runWorkshop(ctx, workshopId, (ctx, w) =>
    changeWorkshop(ctx, w.id, { timerEndsAt: seconds === null ? null : new Date(now.getTime() + seconds * 1000) }),
  );
}

/** Pauses (a running timer stops) or resumes the workshop. */
export function setPaused(ctx: Ctx, workshopId: string, paused: boolean): Promise<void> {
  return runWorkshop(ctx, workshopId, (ctx, w) => changeWorkshop(ctx, w.id, paused ? { status: "paused", timerEndsAt: null } : { status: "open" }));
}

/** Ends the workshop: joins and votes are refused from now on, and participants' tokens stop working. */
export function endWorkshop(ctx: Ctx, workshopId: string, now = new Date()): Promise<void> {
  return runWorkshop(ctx, workshopId, async (ctx, w) => {
    await changeWorkshop(ctx, w.id, { status: "ended", endedAt: now, timerEndsAt: null });
    await recordAudit(ctx, { action: "workshop.ended", summary: "Ended a workshop", detail: { workshopId: w.id, assessmentId: w.assessmentId } });
    await raiseWorkshopEnded(ctx, w.id);
  });
}

export type ConsensusInput = {
  workshopId: string;
  questionId: string;
  answer: { kind: "level"; level: number } | { kind: "unsure" } | { kind: "not_applicable"; reason: string };
  note: string | null;
};

/** Records what the room agreed on a question; it becomes the team answer of the draft, in the same transaction. */
export function recordConsensus(ctx: Ctx, input: ConsensusInput): Promise<void> {
  return runWorkshop(ctx, input.workshopId, async (ctx, w) => {
    if (!findQuestion(w.model, input.questionId)) throw new AppError("invalid_input", "That question is not in this assessment's model.");
    await saveTeamAnswer(ctx, { assessmentId: w.assessmentId, questionId: input.questionId, answer: input.answer, note: input.note });
    const consensus = {
      consensusKind: input.answer.kind,
      consensusLevel: input.answer.kind === "level" ? input.answer.level : null,
      note: input.note,
      updatedAt: new Date(),
    };
    await ctx.db
      .insert(workshopQuestions)
      .values({ workshopId: w.id, questionId: input.questionId, ...consensus })
      .onConflictDoUpdate({ target: [workshopQuestions.workshopId, workshopQuestions.questionId], set: consensus });
    await changeWorkshop(ctx, w.id, {});
  });
}

/** The facilitator's own note on a question, never shown to the room. */
export function setPrivateNote(ctx: Ctx, workshopId: string, questionId: string, text: string | null): Promise<void> {
  return runWorkshop(ctx, workshopId, async (ctx, w) => {
    if (!findQuestion(w.model, questionId)) throw new AppError("invalid_input", "That question is not in this assessment's model.");
    await ctx.db
      .insert(workshopQuestions)
      .values({ workshopId: w.id, questionId, privateNote: text })
      .onConflictDoUpdate({ target: [workshopQuestions.workshopId, workshopQuestions.questionId], set: { privateNote: text, updatedAt: sql`now()` } });
    await announce(ctx.db, w.id);
  });
}

/** A vote the facilitator adds for someone in the room without a device (named; the same name is the same person). */
export async function addVoteFor(ctx: Ctx, workshopId: string, name: string, vote: Vote): Promise<void> {
  await runWorkshop(ctx, workshopId, (ctx, w) => voteFor(ctx, w, name, { questionId: w.questionId, round: w.round, vote }));
  await revealIfEveryoneVoted(ctx, workshopId);
}

/**
 * Takes someone the facilitator voted for out of the room (added by mistake, or gone), with every
 * vote given for them. Someone who joined on their own device is not removed this way.
 */
export async function removeVotedFor(ctx: Ctx, workshopId: string, participantId: string): Promise<{ name: string | null }> {
  const removed = await runWorkshop(ctx, workshopId, async (ctx, w) => {
    const [person] = await ctx.db
      .select({ name: workshopParticipants.name, tokenHash: workshopParticipants.tokenHash })
      .from(workshopParticipants)
      .where(and(eq(workshopParticipants.workshopId, w.id), eq(workshopParticipants.id, participantId)));
    if (!person) throw notFoundError("That person");
    if (person.tokenHash !== null)
      throw new AppError("forbidden", "Only someone you voted for can be removed; people who joined on their own device stay in the room.");
    // Their votes go with them (the foreign key cascades), on every question and round.
    await ctx.db.delete(workshopParticipants).where(and(eq(workshopParticipants.id, participantId), isNull(workshopParticipants.tokenHash)));
    await announce(ctx.db, w.id);
    await recordAudit(ctx, {
      action: "workshop.participant_removed",
      summary: `Removed “${person.name ?? "someone"}” and their votes from a workshop`,
      detail: { workshopId: w.id, participantId },
    });
    return { name: person.name };
  });
  // The one removed may have been the last still to vote.
  await revealIfEveryoneVoted(ctx, workshopId);
  return removed;
}

/**
 * What a member sees of a workshop of the organisation: the facilitator's view if they run it, the
 * presenter's if they may see the team's draft; not found for anyone else (drafts stay in the team),
 * and refused plainly where the organisation keeps the team's results to the team and its leads.
 */
export async function workshopAudience(ctx: Ctx, workshopId: string): Promise<"facilitator" | "presenter"> {
  requirePermission(ctx, "results.read");
  const [row] = await ctx.db
    .select({
      teamId: assessments.teamId,
      facilitatorId: workshops.facilitatorId,
      resultsVisible: teamResultsVisible(ctx, assessments.teamId).mapWith(Boolean),
    })
    .from(workshops)
    .innerJoin(assessments, eq(assessments.id, workshops.assessmentId))
    .where(and(eq(workshops.organisationId, ctx.organisationId), eq(workshops.id, workshopId)));
  if (row && !row.resultsVisible) throw privateResultsError();
  const scopes = row && (await teamScopes(ctx, [row.teamId]));
  if (!row || !allows(ctx.actor, "drafts.read", scopes!.get(row.teamId))) throw notFoundError("The workshop");
  return mayFacilitate(ctx.actor, row) ? "facilitator" : "presenter";
}

/** The newest workshop on an assessment of the organisation (running or ended), if any. */
export async function latestWorkshop(ctx: Ctx, assessmentId: string): Promise<{ id: string; joinCode: string; ended: boolean } | undefined> {
  requirePermission(ctx, "results.read");
  const [row] = await ctx.db
    .select({ id: workshops.id, joinCode: workshops.joinCode, status: workshops.status })
    .from(workshops)
    .where(and(eq(workshops.organisationId, ctx.organisationId), eq(workshops.assessmentId, assessmentId)))
    .orderBy(desc(workshops.createdAt))
    .limit(1);
  return row && { id: row.id, joinCode: row.joinCode, ended: row.status === "ended" };
}
