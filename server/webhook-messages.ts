import "server-only";
import type { Ctx } from "@/db/context";
import { systemActor } from "@/lib/actor";
import type { Db } from "@/db/client";
import type { DeliveryToSend } from "@/db/queries/webhook-deliveries";
import { slackText, webhookEnvelope, type WebhookData } from "@/lib/webhooks/messages";
import type { WebhookEvent } from "@/lib/webhooks/events";
import { assessmentResultsView } from "@/views/results";
import { trendView } from "@/views/trend";
import { workshopReportView } from "@/views/workshop-report";
import { configuredOrigin } from "./public-origin";

// A delivery's body, written at its first attempt from the views the API serves (as Stave itself,
// in the delivery's organisation): the Standard Webhooks message, or its text for Slack.

async function previousOf(ctx: Ctx, previousAssessmentId: string | undefined): Promise<WebhookData["assessment.submitted"]["previous"]> {
  if (!previousAssessmentId) return null;
  const { results } = await assessmentResultsView(ctx, previousAssessmentId);
  return { assessmentId: results.assessmentId, submittedAt: results.submittedAt, waterLevel: results.score.waterLevel, weakest: results.score.weakest };
}

/** The event's data from the views, as they are now. */
async function dataOf(ctx: Ctx, event: WebhookEvent, subject: Record<string, string>): Promise<WebhookData[WebhookEvent]> {
  switch (event) {
    case "assessment.submitted":
    case "weakest-stave.changed":
    case "water-level.dropped": {
      const { results } = await assessmentResultsView(ctx, subject.assessmentId!);
      return { results, previous: await previousOf(ctx, subject.previousAssessmentId) };
    }
    case "target.reached":
    case "target.missed": {
      const { trend } = await trendView(ctx, subject.teamId!);
      const target = trend.targets.find((t) => t.assessmentId === subject.targetAssessmentId);
      if (!target) throw new Error("The target is no longer there.");
      return { teamId: trend.teamId, teamName: trend.teamName, target };
    }
    case "assessment.overdue":
      return {
        teamId: subject.teamId!,
        teamName: subject.teamName!,
        cadence: subject.cadence!,
        lastSubmittedAt: subject.lastSubmittedAt!,
        dueOn: subject.dueOn!,
      };
    case "workshop.ended":
      return { workshopId: subject.workshopId!, report: (await workshopReportView(ctx, subject.workshopId!)).report };
  }
}

/** The body a delivery sends, in its endpoint's format. */
export async function webhookBody(db: Db, delivery: DeliveryToSend): Promise<string> {
  const ctx: Ctx = { organisationId: delivery.organisationId, actor: systemActor("webhooks"), db };
  const data = await dataOf(ctx, delivery.event, delivery.subject);
  if (delivery.endpoint.format === "slack") return JSON.stringify({ text: slackText(delivery.event, data, configuredOrigin()) });
  return JSON.stringify(webhookEnvelope(delivery.event, delivery.createdAt, data));
}
