import "server-only";
import { addDays } from "date-fns";
import { and, between, eq, isNull, max } from "drizzle-orm";
import { systemActor } from "@/lib/actor";
import { nextDue } from "@/lib/cadence";
import { isoDate } from "@/lib/format";
import { targetOutcome, toLaterScore } from "@/lib/target";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { assessments, targets, teams, webhookEndpoints } from "../schema";
import { listTeamScores } from "./scores";
import { listTeamTargets } from "./targets";
import { raiseWebhookEvent } from "./webhook-deliveries";

// Events that happen by the calendar rather than by a write: an assessment falls overdue, a target's
// date passes unreached. Every instance sweeps now and then; each event has a key, so however many
// sweeps see it, an endpoint hears it once. Only what happened in the last week is told: an endpoint
// added today does not hear of every target missed in years past.

export const SWEEP_LOOKBACK_DAYS = 7;

/** Assessments that fell overdue in the last week, each told once per due date. */
async function sweepOverdue(ctx: Ctx, now: Date): Promise<number> {
  const rows = await ctx.db
    .select({ teamId: teams.id, teamName: teams.name, cadence: teams.cadence, lastSubmittedAt: max(assessments.submittedAt) })
    .from(teams)
    .innerJoin(assessments, and(eq(assessments.teamId, teams.id), eq(assessments.status, "submitted")))
    .where(and(eq(teams.organisationId, ctx.organisationId), isNull(teams.archivedAt)))
    .groupBy(teams.id);
  let raised = 0;
  for (const row of rows) {
    if (!row.lastSubmittedAt) continue;
    const last = new Date(row.lastSubmittedAt);
    const due = nextDue(row.cadence, last, now);
    if (!due || due.state !== "overdue" || due.days < -SWEEP_LOOKBACK_DAYS) continue;
    const dueOn = isoDate(due.date);
    const subject = { teamId: row.teamId, teamName: row.teamName, cadence: row.cadence, lastSubmittedAt: last.toISOString(), dueOn };
    raised += await raiseWebhookEvent(ctx, "assessment.overdue", subject, { onceKey: `assessment.overdue:${row.teamId}:${dueOn}` });
  }
  return raised;
}

/** Targets whose date passed in the last week without the area reaching its level. */
async function sweepMissedTargets(ctx: Ctx, now: Date): Promise<number> {
  const rows = await ctx.db
    .select({ assessmentId: targets.assessmentId, teamId: assessments.teamId })
    .from(targets)
    .innerJoin(assessments, eq(assessments.id, targets.assessmentId))
    .where(and(eq(targets.organisationId, ctx.organisationId), between(targets.dueOn, isoDate(addDays(now, -SWEEP_LOOKBACK_DAYS)), isoDate(addDays(now, -1)))));
  let raised = 0;
  for (const teamId of new Set(rows.map((r) => r.teamId))) {
    const later = (await listTeamScores(ctx, teamId)).map(toLaterScore);
    for (const target of await listTeamTargets(ctx, teamId)) {
      if (!rows.some((r) => r.assessmentId === target.assessmentId) || targetOutcome(target, later, now).state !== "missed") continue;
      raised += await raiseWebhookEvent(
        ctx,
        "target.missed",
        { teamId, targetAssessmentId: target.assessmentId },
        { onceKey: `target.missed:${target.assessmentId}` },
      );
    }
  }
  return raised;
}

/** One sweep of every organisation with an endpoint that hears a calendar event; returns how many deliveries it raised. */
export async function sweepWebhookEvents(db: Db, now = new Date()): Promise<number> {
  const endpoints = await db
    .select({ organisationId: webhookEndpoints.organisationId, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.enabled, true));
  let raised = 0;
  for (const organisationId of new Set(endpoints.map((e) => e.organisationId))) {
    const heard = new Set(endpoints.filter((e) => e.organisationId === organisationId).flatMap((e) => e.events));
    const ctx: Ctx = { organisationId, actor: systemActor("webhooks"), db };
    if (heard.has("assessment.overdue")) raised += await sweepOverdue(ctx, now);
    if (heard.has("target.missed")) raised += await sweepMissedTargets(ctx, now);
  }
  return raised;
}
