import "server-only";
import { and, eq } from "drizzle-orm";
import { targetOutcome, toLaterScore } from "@/lib/target";
import { barrelEvents } from "@/lib/webhooks/events";
import type { Ctx } from "../context";
import { webhookEndpoints } from "../schema";
import { listTeamScores } from "./scores";
import { listTeamTargets } from "./targets";
import { raiseWebhookEvent } from "./webhook-deliveries";

// Which webhook events a write raises, worked out inside that write. An organisation without an
// enabled endpoint pays one query.

const anyEndpoint = async (ctx: Ctx) =>
  (
    await ctx.db
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.organisationId, ctx.organisationId), eq(webhookEndpoints.enabled, true)))
      .limit(1)
  ).length > 0;

/**
 * A submission's events: always "submitted"; against the team's previous submission of the same
 * model, a changed weakest stave and a dropped water level; and every target it reaches.
 */
export async function raiseSubmissionEvents(ctx: Ctx, { teamId, assessmentId }: { teamId: string; assessmentId: string }, now = new Date()): Promise<void> {
  if (!(await anyEndpoint(ctx))) return;
  const scores = await listTeamScores(ctx, teamId);
  const index = scores.findIndex((s) => s.assessmentId === assessmentId);
  const current = scores[index];
  if (!current) return;
  const previous = scores.slice(0, index).findLast((s) => s.modelId === current.modelId);
  const subject = { teamId, assessmentId, ...(previous && { previousAssessmentId: previous.assessmentId }) };
  for (const event of barrelEvents(previous?.score, current.score)) await raiseWebhookEvent(ctx, event, subject);

  const later = scores.map(toLaterScore);
  for (const target of await listTeamTargets(ctx, teamId)) {
    const outcome = targetOutcome(target, later, now);
    if (outcome.state === "reached" && outcome.assessmentId === assessmentId) {
      await raiseWebhookEvent(ctx, "target.reached", { teamId, targetAssessmentId: target.assessmentId }, { onceKey: `target.reached:${target.assessmentId}` });
    }
  }
}

/** A workshop's end (by its facilitator, or with the submission of its assessment). */
export async function raiseWorkshopEnded(ctx: Ctx, workshopId: string): Promise<void> {
  if (!(await anyEndpoint(ctx))) return;
  await raiseWebhookEvent(ctx, "workshop.ended", { workshopId }, { onceKey: `workshop.ended:${workshopId}` });
}
