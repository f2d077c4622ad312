import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { notFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import type { TrendAnnotation } from "@/lib/trend";
import type { AddAnnotationInput } from "@/lib/validation/improvement";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { trendAnnotations } from "../schema";
import { requirePermission } from "./access";
import { recordAudit } from "./audit";
import { lockTeam } from "./improvement-cycle";
import { teamResultsVisible } from "./privacy";

/** A team's notes on its trend, oldest first; none where the team's results are kept from the actor. */
export async function listAnnotations(ctx: Ctx, teamId: string): Promise<TrendAnnotation[]> {
  requirePermission(ctx, "results.read");
  return ctx.db
    .select({ id: trendAnnotations.id, on: trendAnnotations.on, text: trendAnnotations.text })
    .from(trendAnnotations)
    .where(and(eq(trendAnnotations.organisationId, ctx.organisationId), eq(trendAnnotations.teamId, teamId), teamResultsVisible(ctx, trendAnnotations.teamId)))
    .orderBy(asc(trendAnnotations.on), asc(trendAnnotations.createdAt));
}

/** Adds a note to a team's trend; `id` keeps the id a note had in an imported history. */
export async function addAnnotation(ctx: Ctx, input: AddAnnotationInput, { id }: { id?: string } = {}): Promise<{ id: string }> {
  return withTransaction(ctx, async (ctx) => {
    const team = await lockTeam(ctx, input.teamId);
    const [created] = await ctx.db
      .insert(trendAnnotations)
      .values({
        id,
        organisationId: ctx.organisationId,
        teamId: input.teamId,
        on: input.on,
        text: input.text,
        createdBy: ctx.actor.kind === "member" ? ctx.actor.userId : null,
      })
      .returning({ id: trendAnnotations.id });
    await recordAudit(ctx, {
      action: "annotation.added",
      summary: `Added a note to the trend of team “${team.name}” on ${formatDate(input.on)}: “${input.text}”`,
      detail: { annotationId: created!.id, teamId: input.teamId },
    });
    return created!;
  });
}

export async function removeAnnotation(ctx: Ctx, annotationId: string): Promise<{ teamId: string }> {
  return withTransaction(ctx, async (ctx) => {
    // The team first, then the note: the order deleting a team takes them in.
    const ofNote = and(eq(trendAnnotations.organisationId, ctx.organisationId), eq(trendAnnotations.id, annotationId));
    const [found] = await ctx.db.select({ teamId: trendAnnotations.teamId }).from(trendAnnotations).where(ofNote);
    if (!found) throw notFoundError("The note");
    const team = await lockTeam(ctx, found.teamId);
    const [note] = await ctx.db
      .select({ teamId: trendAnnotations.teamId, on: trendAnnotations.on, text: trendAnnotations.text })
      .from(trendAnnotations)
      .where(ofNote)
      .for("update");
    if (!note) throw notFoundError("The note");
    await ctx.db.delete(trendAnnotations).where(ofNote);
    await recordAudit(ctx, {
      action: "annotation.removed",
      summary: `Removed the note “${note.text}” (${formatDate(note.on)}) from the trend of team “${team.name}”`,
      detail: { annotationId, teamId: note.teamId },
    });
    return { teamId: note.teamId };
  });
}
