import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { WorkshopRows } from "@/lib/workshop/view";
import { voteFromColumns } from "@/lib/workshop/tally";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { assessments, workshopParticipants, workshopQuestions, workshops, workshopVotes } from "../schema";
import { lastCycleTeamAnswers } from "./carry";
import { getModelVersion } from "./model-versions";

// Reads what a workshop's screens are drawn from. Who may see which part is decided by the caller
// (the participant's token, the facilitator's role, the join code) and by lib/workshop/view.ts.

/** The participants who vote (and so count in the room): not those who joined to watch. */
export const voters = eq(workshopParticipants.watching, false);

/** The voters of some workshops, as they named themselves (the report and the history export read them). */
export function votersOf(db: Db, workshopIds: string[]) {
  return db
    .select({ id: workshopParticipants.id, workshopId: workshopParticipants.workshopId, name: workshopParticipants.name })
    .from(workshopParticipants)
    .where(and(inArray(workshopParticipants.workshopId, workshopIds), voters))
    .orderBy(asc(workshopParticipants.id));
}

/** Every vote of some workshops, question by question, round by round. */
export function votesOf(db: Db, workshopIds: string[]) {
  return db
    .select({
      workshopId: workshopVotes.workshopId,
      participantId: workshopVotes.participantId,
      questionId: workshopVotes.questionId,
      round: workshopVotes.round,
      kind: workshopVotes.kind,
      level: workshopVotes.level,
    })
    .from(workshopVotes)
    .where(inArray(workshopVotes.workshopId, workshopIds))
    .orderBy(asc(workshopVotes.questionId), asc(workshopVotes.round), asc(workshopVotes.participantId));
}

/** Everything the views of one workshop need, in four statements (two more, once, for a draft started from last cycle's answers); undefined outside the organisation. */
export async function loadWorkshopRows(ctx: Ctx, workshopId: string): Promise<WorkshopRows | undefined> {
  const [w] = await ctx.db
    .select({
      id: workshops.id,
      teamId: assessments.teamId,
      assessmentId: workshops.assessmentId,
      joinCode: workshops.joinCode,
      status: workshops.status,
      phase: workshops.phase,
      anonymity: workshops.anonymity,
      questionId: workshops.questionId,
      round: workshops.round,
      autoReveal: workshops.autoReveal,
      timerEndsAt: workshops.timerEndsAt,
      version: workshops.version,
      modelVersionId: assessments.modelVersionId,
      carriedFrom: assessments.carriedFrom,
    })
    .from(workshops)
    .innerJoin(assessments, eq(assessments.id, workshops.assessmentId))
    .where(and(eq(workshops.organisationId, ctx.organisationId), eq(workshops.id, workshopId)));
  if (!w) return undefined;
  const loadedAt = new Date();
  const [model, participants, votes, [question]] = await Promise.all([
    getModelVersion(ctx.db, w.modelVersionId),
    ctx.db
      .select({ id: workshopParticipants.id, name: workshopParticipants.name, tokenHash: workshopParticipants.tokenHash })
      .from(workshopParticipants)
      .where(and(eq(workshopParticipants.workshopId, workshopId), voters))
      .orderBy(asc(workshopParticipants.createdAt)),
    ctx.db
      .select({ participantId: workshopVotes.participantId, kind: workshopVotes.kind, level: workshopVotes.level })
      .from(workshopVotes)
      .innerJoin(workshopParticipants, eq(workshopParticipants.id, workshopVotes.participantId))
      .where(and(eq(workshopVotes.workshopId, workshopId), eq(workshopVotes.questionId, w.questionId), eq(workshopVotes.round, w.round), voters)),
    ctx.db
      .select({
        kind: workshopQuestions.consensusKind,
        level: workshopQuestions.consensusLevel,
        note: workshopQuestions.note,
        privateNote: workshopQuestions.privateNote,
      })
      .from(workshopQuestions)
      .where(and(eq(workshopQuestions.workshopId, workshopId), eq(workshopQuestions.questionId, w.questionId))),
  ]);
  if (!model) return undefined;
  const last = w.carriedFrom ? await lastCycleTeamAnswers(ctx, w.carriedFrom, model) : undefined;
  const { modelVersionId: _modelVersionId, carriedFrom: _carriedFrom, ...state } = w;
  return {
    ...state,
    loadedAt,
    model,
    participants: participants.map((p) => ({ id: p.id, name: p.name, device: p.tokenHash !== null })),
    votes: votes.map((v) => ({ participantId: v.participantId, vote: voteFromColumns(v) })),
    consensus: question?.kind ? { kind: question.kind, level: question.level, note: question.note } : undefined,
    privateNote: question?.privateNote ?? null,
    lastCycle: last && { submittedAt: last.submittedAt, answer: last.answers.get(w.questionId) ?? null },
  };
}
