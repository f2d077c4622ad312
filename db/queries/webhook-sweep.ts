import "server-only";
import { eq } from "drizzle-orm";
import { systemActor } from "@/lib/actor";
import { assessmentReminder, targetReminder } from "@/lib/reminders";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { webhookEndpoints } from "../schema";
import { lastSubmissions, recentTargets } from "./calendar";
import { raiseWebhookEvent } from "./webhook-deliveries";

// Events that happen by the calendar rather than by a write: an assessment falls overdue, a target's
// date passes unreached. Every instance sweeps now and then; each event has a key, so however many
// sweeps see it, an endpoint hears it once. Only what happened in the last week is told, by the
// reminders' rule (lib/reminders.ts): an endpoint added today does not hear of years past.

/** Assessments that fell overdue in the last week, each told once per due date. */
async function sweepOverdue(ctx: Ctx, now: Date): Promise<number> {
  let raised = 0;
  for (const team of await lastSubmissions(ctx.db, { organisationId: ctx.organisationId })) {
    const reminder = assessmentReminder(team.cadence, team.lastSubmittedAt, now);
    if (reminder?.occasion !== "overdue") continue;
    const { teamId, teamName, cadence, lastSubmittedAt } = team;
    const subject = { teamId, teamName, cadence, lastSubmittedAt: lastSubmittedAt.toISOString(), dueOn: reminder.dueOn };
    raised += await raiseWebhookEvent(ctx, "assessment.overdue", subject, { onceKey: `assessment.overdue:${teamId}:${reminder.dueOn}` });
  }
  return raised;
}

/** Targets whose date passed in the last week without the area reaching its level. */
async function sweepMissedTargets(ctx: Ctx, now: Date): Promise<number> {
  let raised = 0;
  for (const team of await recentTargets(ctx.db, now, { organisationId: ctx.organisationId })) {
    for (const target of team.targets) {
      if (targetReminder(target, team.later, now)?.occasion !== "target-missed") continue;
      const subject = { teamId: team.teamId, targetAssessmentId: target.assessmentId };
      raised += await raiseWebhookEvent(ctx, "target.missed", subject, { onceKey: `target.missed:${target.assessmentId}` });
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
