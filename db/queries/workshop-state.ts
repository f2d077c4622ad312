import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { notFoundError } from "@/lib/errors";
import type { Model } from "@/lib/model/schema";
import { leads } from "@/lib/respondents";
import type { Db, Tx } from "../client";
import type { Ctx, TxCtx } from "../context";
import { assessments, workshopQuestions, workshops } from "../schema";
import { raiseWorkshopEnded } from "./webhook-raise";
import { getModelVersion } from "./model-versions";

// What every workshop write shares: the workshop row, locked, and the announcement of a change.

/** The channel every workshop change is announced on; the payload is the workshop's id. */
export const WORKSHOP_CHANNEL = "stave_workshop";

export type LockedWorkshop = typeof workshops.$inferSelect & { teamId: string; model: Model };

/**
 * Inside a write: the workshop with its team and model, locked (`update` for a change of state,
 * `share` for a vote, so votes run side by side and a reveal waits for the votes in flight). A
 * change of state locks the assessment first, in share mode: the order submitting it and saving
 * a consensus as its answer take them in, so neither waits on the other in a circle.
 */
export async function lockWorkshop(ctx: TxCtx, workshopId: string, mode: "update" | "share"): Promise<LockedWorkshop> {
  if (mode === "update") {
    const [found] = await ctx.db
      .select({ assessmentId: workshops.assessmentId })
      .from(workshops)
      .where(and(eq(workshops.organisationId, ctx.organisationId), eq(workshops.id, workshopId)));
    if (!found) throw notFoundError("The workshop");
    await ctx.db.select({ id: assessments.id }).from(assessments).where(eq(assessments.id, found.assessmentId)).for("share");
  }
  const [row] = await ctx.db
    .select()
    .from(workshops)
    .where(and(eq(workshops.organisationId, ctx.organisationId), eq(workshops.id, workshopId)))
    .for(mode);
  if (!row) throw notFoundError("The workshop");
  const [assessment] = await ctx.db
    .select({ teamId: assessments.teamId, modelVersionId: assessments.modelVersionId })
    .from(assessments)
    .where(eq(assessments.id, row.assessmentId));
  const model = assessment && (await getModelVersion(ctx.db, assessment.modelVersionId));
  if (!assessment || !model) throw notFoundError("The workshop's assessment");
  return { ...row, teamId: assessment.teamId, model };
}

/** Announces a change to everyone watching the workshop, on every instance, once the write commits. */
export async function announce(db: Db, workshopId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${WORKSHOP_CHANNEL}, ${workshopId})`);
}

/** Applies a change of state, moves the version on and announces it. */
export async function changeWorkshop(ctx: { db: Tx }, workshopId: string, change: Partial<typeof workshops.$inferInsert>): Promise<void> {
  await ctx.db
    .update(workshops)
    .set({ ...change, version: sql`${workshops.version} + 1` })
    .where(eq(workshops.id, workshopId));
  await announce(ctx.db, workshopId);
}

export const questionIdsOf = (model: Model) => model.areas.flatMap((a) => a.questions.map((q) => q.id));

/** Who runs a workshop: the member who opened it, or an owner or admin. Everyone else in the room sees what the presenter shows. */
export const mayFacilitate = (actor: Ctx["actor"], workshop: { facilitatorId: string | null }) => leads(actor, workshop.facilitatorId);

/**
 * Reveals the current round, and remembers it for when the room comes back to this question. A
 * reveal by the timer keeps the time it ran out at, so a late vote is told time is up.
 */
export async function revealRound(ctx: { db: Tx }, w: { id: string; questionId: string; round: number }, by: "hand" | "timer" = "hand"): Promise<void> {
  await ctx.db
    .insert(workshopQuestions)
    .values({ workshopId: w.id, questionId: w.questionId, revealedRound: w.round })
    .onConflictDoUpdate({ target: [workshopQuestions.workshopId, workshopQuestions.questionId], set: { revealedRound: w.round, updatedAt: sql`now()` } });
  await changeWorkshop(ctx, w.id, by === "timer" ? { phase: "revealed" } : { phase: "revealed", timerEndsAt: null });
}

/** Inside a submission: ends any workshop running on the assessment, announcing it to its screens. */
export async function endWorkshopsOf(ctx: TxCtx, assessmentId: string): Promise<void> {
  const ended = await ctx.db
    .update(workshops)
    .set({ status: "ended", endedAt: new Date(), timerEndsAt: null, version: sql`${workshops.version} + 1` })
    .where(and(eq(workshops.assessmentId, assessmentId), ne(workshops.status, "ended")))
    .returning({ id: workshops.id });
  for (const { id } of ended) {
    await announce(ctx.db, id);
    await raiseWorkshopEnded(ctx, id);
  }
}
