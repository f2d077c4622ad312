import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { notFoundError } from "@/lib/errors";
import type { WebhookDeliveryState } from "@/lib/webhooks/delivery";
import type { WebhookEvent, WebhookFormat } from "@/lib/webhooks/events";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { webhookDeliveries, webhookEndpoints } from "../schema";
import { requirePermission } from "./access";
import { recordAudit } from "./audit";
import { enqueueJob } from "./jobs";
import { endpointsHearing } from "./webhook-endpoints";

/** A webhook job's payload: the delivery to send; a replay is sent once, never retried. */
export type WebhookJob = { deliveryId: string; replay?: boolean };

/**
 * Raises an event in the write it comes from: one delivery per enabled endpoint that hears it, each
 * a job sent once the write commits (nothing is sent for a write that rolls back). `onceKey` makes
 * an event that may be raised again (by every instance's sweep) count once per endpoint.
 */
export async function raiseWebhookEvent(
  ctx: Ctx,
  event: WebhookEvent,
  subject: Record<string, string>,
  { onceKey }: { onceKey?: string } = {},
): Promise<number> {
  return withTransaction(ctx, async (ctx) => {
    let raised = 0;
    for (const endpoint of await endpointsHearing(ctx, event)) {
      const [row] = await ctx.db
        .insert(webhookDeliveries)
        .values({ organisationId: ctx.organisationId, endpointId: endpoint.id, event, subject, onceKey })
        .onConflictDoNothing()
        .returning({ id: webhookDeliveries.id });
      if (!row) continue;
      await enqueueJob(ctx, { kind: "webhook", payload: { deliveryId: row.id } satisfies WebhookJob });
      raised++;
    }
    return raised;
  });
}

export type WebhookDeliveryRow = {
  id: string;
  event: WebhookEvent;
  state: WebhookDeliveryState;
  attempts: number;
  lastStatus: number | null;
  lastAnswer: string | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  body: string | null;
};

const deliveryColumns = {
  id: webhookDeliveries.id,
  event: webhookDeliveries.event,
  state: webhookDeliveries.state,
  attempts: webhookDeliveries.attempts,
  lastStatus: webhookDeliveries.lastStatus,
  lastAnswer: webhookDeliveries.lastAnswer,
  lastError: webhookDeliveries.lastError,
  createdAt: webhookDeliveries.createdAt,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  body: webhookDeliveries.body,
};

/** An endpoint's latest deliveries, newest first, with what the endpoint answered. */
export async function listWebhookDeliveries(ctx: Ctx, endpointId: string, limit = 50): Promise<WebhookDeliveryRow[]> {
  requirePermission(ctx, "webhooks.manage");
  return ctx.db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.organisationId, ctx.organisationId), eq(webhookDeliveries.endpointId, endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

/** Sends a delivery again now, once, as it was (same id, same body); the log shows its outcome. */
export async function replayWebhookDelivery(ctx: Ctx, deliveryId: string): Promise<void> {
  requirePermission(ctx, "webhooks.manage");
  await withTransaction(ctx, async (ctx) => {
    const [row] = await ctx.db
      .update(webhookDeliveries)
      .set({ state: "pending" })
      .where(and(eq(webhookDeliveries.organisationId, ctx.organisationId), eq(webhookDeliveries.id, deliveryId)))
      .returning({ event: webhookDeliveries.event, endpointId: webhookDeliveries.endpointId });
    if (!row) throw notFoundError("The delivery");
    await enqueueJob(ctx, { kind: "webhook", payload: { deliveryId, replay: true } satisfies WebhookJob });
    await recordAudit(ctx, { action: "webhook.replayed", summary: `Sent the ${row.event} delivery again`, detail: { deliveryId, endpointId: row.endpointId } });
  });
}

/** What the sender needs of a delivery (read as Stave, by the job). */
export type DeliveryToSend = {
  id: string;
  organisationId: string;
  event: WebhookEvent;
  subject: Record<string, string>;
  body: string | null;
  createdAt: Date;
  attempts: number;
  endpoint: { id: string; url: string; format: WebhookFormat; enabled: boolean };
};

export async function deliveryToSend(db: Db, deliveryId: string): Promise<DeliveryToSend | undefined> {
  const [row] = await db
    .select({
      id: webhookDeliveries.id,
      organisationId: webhookDeliveries.organisationId,
      event: webhookDeliveries.event,
      subject: webhookDeliveries.subject,
      body: webhookDeliveries.body,
      createdAt: webhookDeliveries.createdAt,
      attempts: webhookDeliveries.attempts,
      endpointId: webhookEndpoints.id,
      url: webhookEndpoints.url,
      format: webhookEndpoints.format,
      enabled: webhookEndpoints.enabled,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row) return undefined;
  const { endpointId, url, format, enabled, ...delivery } = row;
  return { ...delivery, endpoint: { id: endpointId, url, format, enabled } };
}

/** Keeps the body written at the first attempt; a body already kept stays (retries send the same). */
export async function keepDeliveryBody(db: Db, deliveryId: string, body: string): Promise<string> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ body: sql`coalesce(${webhookDeliveries.body}, ${body})` })
    .where(eq(webhookDeliveries.id, deliveryId))
    .returning({ body: webhookDeliveries.body });
  return row?.body ?? body;
}

/** A delivery that is not sent (its endpoint was paused before its turn): failed, saying why, so a replay can send it later. */
export async function skipDelivery(db: Db, deliveryId: string, reason: string): Promise<void> {
  await db.update(webhookDeliveries).set({ state: "failed", lastError: reason }).where(eq(webhookDeliveries.id, deliveryId));
}

/**
 * Records an attempt: the endpoint's answer or why there was none. The delivery is delivered on a
 * 2xx answer; otherwise retrying while its job has attempts left, failed once they are spent (or
 * when the attempt will not be retried: a replay, a refused address, 410 Gone).
 */
export async function recordDeliveryAttempt(
  db: Db,
  deliveryId: string,
  outcome: { status: number; answer: string } | { error: string },
  { delivered, retried }: { delivered: boolean; retried: boolean },
): Promise<WebhookDeliveryState> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastAttemptAt: sql`now()`,
      lastStatus: "status" in outcome ? outcome.status : null,
      lastAnswer: "status" in outcome ? outcome.answer : null,
      lastError: "error" in outcome ? outcome.error : null,
      state: delivered ? "delivered" : retried ? "retrying" : "failed",
    })
    .where(eq(webhookDeliveries.id, deliveryId))
    .returning({ state: webhookDeliveries.state });
  return row!.state;
}
