import "server-only";
import type { Ctx } from "@/db/context";
import { listWebhookDeliveries } from "@/db/queries/webhook-deliveries";
import { listWebhookEndpoints } from "@/db/queries/webhook-endpoints";
import { notFoundError } from "@/lib/errors";
import { webhookEventLabels, WEBHOOK_EVENTS } from "@/lib/webhooks/events";

/** The organisation's webhook endpoints and the events one can choose from. */
export async function webhooksView(ctx: Ctx) {
  const endpoints = await listWebhookEndpoints(ctx);
  return {
    endpoints: endpoints.map((e) => ({ ...e, eventNames: e.events.map((event) => webhookEventLabels[event].name) })),
    events: WEBHOOK_EVENTS.map((event) => ({ event, ...webhookEventLabels[event] })),
  };
}
export type WebhooksView = Awaited<ReturnType<typeof webhooksView>>;

/** One endpoint and its latest deliveries, with what it answered. */
export async function webhookDeliveriesView(ctx: Ctx, endpointId: string) {
  const endpoint = (await listWebhookEndpoints(ctx)).find((e) => e.id === endpointId);
  if (!endpoint) throw notFoundError("The webhook endpoint");
  const deliveries = await listWebhookDeliveries(ctx, endpointId);
  return { endpoint, deliveries: deliveries.map((d) => ({ ...d, eventName: webhookEventLabels[d.event].name })) };
}
