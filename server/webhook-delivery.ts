import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { PermanentJobError } from "@/db/queries/jobs";
import { deliveryToSend, keepDeliveryBody, recordDeliveryAttempt, skipDelivery } from "@/db/queries/webhook-deliveries";
import { JOB_MAX_ATTEMPTS } from "@/lib/jobs";
import { endpointSecrets } from "@/db/queries/webhook-endpoints";
import { systemActor } from "@/lib/actor";
import { env } from "@/lib/env";
import { parseAllowedHosts } from "@/lib/webhooks/address-policy";
import { signatureHeader } from "@/lib/webhooks/signature";
import { webhookBody } from "./webhook-messages";
import { postWebhook } from "./webhook-request";

// The webhook job: sends one delivery, signed as Standard Webhooks says, and records the answer.
// A failed attempt throws, so the job queue tries again later (1, 5, 30 minutes, 2 hours); a
// replay, a refused address and 410 Gone are not tried again.

const webhookJobSchema = z.object({ deliveryId: z.uuid(), replay: z.boolean().optional() });

/** The webhook-id of a delivery: the same for every attempt and replay, so receivers can drop repeats. */
export const webhookMessageId = (deliveryId: string) => `msg_${deliveryId.replaceAll("-", "")}`;

export function webhookSender(db: Db, allowedHosts = parseAllowedHosts(env().STAVE_WEBHOOK_ALLOW_HOSTS)) {
  return async (payload: unknown): Promise<string> => {
    const { deliveryId, replay = false } = webhookJobSchema.parse(payload);
    const delivery = await deliveryToSend(db, deliveryId);
    if (!delivery) return "The endpoint was removed: nothing sent.";
    if (!delivery.endpoint.enabled) {
      await skipDelivery(db, deliveryId, "Not sent: the endpoint was paused.");
      return "The endpoint is paused: nothing sent.";
    }
    const body = delivery.body ?? (await keepDeliveryBody(db, deliveryId, await webhookBody(db, delivery)));
    const id = webhookMessageId(deliveryId);
    const timestamp = Math.floor(Date.now() / 1000);
    const secrets = await endpointSecrets({ organisationId: delivery.organisationId, actor: systemActor("webhooks"), db }, delivery.endpoint.id);
    const outcome = await postWebhook({
      url: delivery.endpoint.url,
      headers: { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": signatureHeader({ id, timestamp, body }, secrets) },
      body,
      allowedHosts,
    });
    const delivered = "status" in outcome && outcome.status >= 200 && outcome.status < 300;
    const final = replay || ("status" in outcome && outcome.status === 410) || ("error" in outcome && outcome.error.startsWith("Refused"));
    const retried = !delivered && !final && delivery.attempts + 1 < JOB_MAX_ATTEMPTS;
    await recordDeliveryAttempt(db, deliveryId, outcome, { delivered, retried });
    if (delivered) return `Delivered: ${"status" in outcome ? outcome.status : ""} in ${outcome.ms} ms.`;
    const why = "status" in outcome ? `The endpoint answered ${outcome.status}.` : outcome.error;
    throw final ? new PermanentJobError(why) : new Error(why);
  };
}
