import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, isNull, ne } from "drizzle-orm";
import { AppError, notFoundError } from "@/lib/errors";
import { revealsItself, timeIsUp, voteProblem } from "@/lib/workshop/rules";
import type { Vote } from "@/lib/workshop/tally";
import type { Db } from "../client";
import type { Ctx, TxCtx } from "../context";
import { withTransaction } from "../transaction";
import { workshopParticipants, workshops, workshopVotes } from "../schema";
import { announce, lockWorkshop, revealRound, type LockedWorkshop } from "./workshop-state";
import { voters } from "./workshop-view";

// The room's side of a workshop: joining with the code, and votes. A participant has no account:
// their token (kept in an HttpOnly cookie, stored here only as a hash) lets them vote in their own
// workshop and nowhere else, and stops working when the workshop ends.

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type Participant = { participantId: string; workshopId: string; organisationId: string; name: string | null; watching: boolean };

/**
 * Joins a running workshop by its code, to vote or (`watching`) only to watch; the token returned
 * is shown to no one but the participant's browser. A browser that already joined it (`token`: its
 * cookie) stays the same participant, with the name and choice now given, so scanning the code
 * again adds no one to the room.
 */
export async function joinWorkshop(
  db: Db,
  input: { joinCode: string; name: string | null; watching?: boolean; token?: string },
): Promise<Participant & { token: string }> {
  const watching = input.watching ?? false;
  const [workshop] = await db
    .select({ id: workshops.id, organisationId: workshops.organisationId, status: workshops.status })
    .from(workshops)
    .where(eq(workshops.joinCode, input.joinCode));
  if (!workshop) throw new AppError("not_found", "No workshop has this code. Check it with the facilitator.");
  if (workshop.status === "ended") throw new AppError("read_only", "This workshop has ended; it takes no one new.");
  const already = input.token ? await participantByToken(db, input.token) : undefined;
  if (already && already.workshopId === workshop.id) {
    await db.update(workshopParticipants).set({ name: input.name, watching }).where(eq(workshopParticipants.id, already.participantId));
    await announce(db, workshop.id);
    return { ...already, name: input.name, watching, token: input.token! };
  }
  const token = randomBytes(32).toString("base64url");
  const [row] = await db
    .insert(workshopParticipants)
    .values({ workshopId: workshop.id, organisationId: workshop.organisationId, name: input.name, tokenHash: hashToken(token), watching })
    .returning({ id: workshopParticipants.id });
  await announce(db, workshop.id);
  return { participantId: row!.id, workshopId: workshop.id, organisationId: workshop.organisationId, name: input.name, watching, token };
}

/** Who a participant token belongs to, while their workshop runs; undefined otherwise. */
export async function participantByToken(db: Db, token: string): Promise<Participant | undefined> {
  const [row] = await db
    .select({
      participantId: workshopParticipants.id,
      workshopId: workshopParticipants.workshopId,
      organisationId: workshopParticipants.organisationId,
      name: workshopParticipants.name,
      watching: workshopParticipants.watching,
    })
    .from(workshopParticipants)
    .innerJoin(workshops, eq(workshops.id, workshopParticipants.workshopId))
    .where(and(eq(workshopParticipants.tokenHash, hashToken(token)), ne(workshops.status, "ended")));
  return row;
}

/** Whether a participant token belongs to a workshop that has ended (so its phone is told so, not sent to join again). */
export async function tokenOfEndedWorkshop(db: Db, token: string): Promise<boolean> {
  const [row] = await db
    .select({ id: workshopParticipants.id })
    .from(workshopParticipants)
    .innerJoin(workshops, eq(workshops.id, workshopParticipants.workshopId))
    .where(and(eq(workshopParticipants.tokenHash, hashToken(token)), eq(workshops.status, "ended")));
  return row !== undefined;
}

const WATCHING = "You joined to watch: votes come from the room. Join again without “only watch” to vote.";

export type CastVoteInput = { questionId: string; round: number; vote: Vote };

/**
 * A participant's vote on the question on screen, stored before it is acknowledged. Sent twice, it
 * counts once; changed before the reveal, the last one counts; after the reveal, or once the
 * timer has run out (which reveals the votes, if no screen's watch has yet), it is refused.
 */
export async function castVote(ctx: Ctx, input: CastVoteInput, now = new Date()): Promise<void> {
  if (ctx.actor.kind !== "participant")
    throw new AppError("forbidden", "Only the workshop's participants vote; the facilitator can add a vote for someone without a device.");
  const participantId = ctx.actor.participantId;
  let outOfTime: string | undefined;
  const workshopId = await withTransaction(ctx, async (ctx) => {
    const [participant] = await ctx.db
      .select({ workshopId: workshopParticipants.workshopId, watching: workshopParticipants.watching })
      .from(workshopParticipants)
      .where(and(eq(workshopParticipants.organisationId, ctx.organisationId), eq(workshopParticipants.id, participantId)));
    if (!participant) throw notFoundError("Your place in the workshop");
    if (participant.watching) throw new AppError("forbidden", WATCHING);
    const workshop = await lockWorkshop(ctx, participant.workshopId, "share");
    if (timeIsUp(workshop, now)) outOfTime = workshop.id;
    await storeVote(ctx, workshop, participantId, input, now);
    return workshop.id;
  }).catch(async (error: unknown) => {
    if (outOfTime) await revealWhenTimeIsUp(ctx, outOfTime, now);
    throw error;
  });
  await revealIfEveryoneVoted(ctx, workshopId);
}

/** Reveals the current question once its timer has run out (checked under the workshop's lock, so each instance may ask). */
export async function revealWhenTimeIsUp(ctx: Ctx, workshopId: string, now = new Date()): Promise<void> {
  await withTransaction(ctx, async (ctx) => {
    const workshop = await lockWorkshop(ctx, workshopId, "update");
    if (timeIsUp(workshop, now)) await revealRound(ctx, workshop, "timer");
  });
}

/** The facilitator's vote for someone in the room without a device, by name (the same name is the same person). */
export async function voteFor(ctx: TxCtx, workshop: LockedWorkshop, name: string, input: CastVoteInput): Promise<void> {
  const [existing] = await ctx.db
    .select({ id: workshopParticipants.id })
    .from(workshopParticipants)
    .where(and(eq(workshopParticipants.workshopId, workshop.id), isNull(workshopParticipants.tokenHash), eq(workshopParticipants.name, name)));
  const participantId =
    existing?.id ??
    (
      await ctx.db
        .insert(workshopParticipants)
        .values({ workshopId: workshop.id, organisationId: ctx.organisationId, name })
        .returning({ id: workshopParticipants.id })
    )[0]!.id;
  await storeVote(ctx, workshop, participantId, input);
}

async function storeVote(ctx: TxCtx, workshop: LockedWorkshop, participantId: string, input: CastVoteInput, now = new Date()): Promise<void> {
  const problem = voteProblem(workshop, input.questionId, input.round, now);
  if (problem) throw new AppError("conflict", problem);
  const { vote } = input;
  if (vote.kind === "level" && !workshop.model.scale.some((l) => l.value === vote.level))
    throw new AppError("invalid_input", `Level ${vote.level} is not on this model's scale.`);
  const columns = { kind: vote.kind, level: vote.kind === "level" ? vote.level : null, updatedAt: new Date() };
  await ctx.db
    .insert(workshopVotes)
    .values({ workshopId: workshop.id, participantId, questionId: input.questionId, round: input.round, ...columns })
    .onConflictDoUpdate({ target: [workshopVotes.participantId, workshopVotes.questionId, workshopVotes.round], set: columns });
  await announce(ctx.db, workshop.id);
}

/** With auto-reveal on, reveals the question once everyone in the room has voted (checked under the workshop's lock). */
export async function revealIfEveryoneVoted(ctx: Ctx, workshopId: string): Promise<void> {
  // Most votes leave someone still to vote: find that out without the lock every vote would queue on.
  if (!(await everyoneVoted(ctx.db, workshopId))) return;
  await withTransaction(ctx, async (ctx) => {
    const workshop = await lockWorkshop(ctx, workshopId, "update");
    if (await everyoneVoted(ctx.db, workshopId)) await revealRound(ctx, workshop);
  });
}

async function everyoneVoted(db: Db, workshopId: string): Promise<boolean> {
  const [workshop] = await db
    .select({ status: workshops.status, phase: workshops.phase, questionId: workshops.questionId, round: workshops.round, autoReveal: workshops.autoReveal })
    .from(workshops)
    .where(eq(workshops.id, workshopId));
  if (!workshop) return false;
  const [room] = await db
    .select({ n: count() })
    .from(workshopParticipants)
    .where(and(eq(workshopParticipants.workshopId, workshopId), voters));
  const [voted] = await db
    .select({ n: count() })
    .from(workshopVotes)
    .innerJoin(workshopParticipants, eq(workshopParticipants.id, workshopVotes.participantId))
    .where(and(eq(workshopVotes.workshopId, workshopId), eq(workshopVotes.questionId, workshop.questionId), eq(workshopVotes.round, workshop.round), voters));
  return workshop.status === "open" && revealsItself(workshop, voted!.n, room!.n);
}
