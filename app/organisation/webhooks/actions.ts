"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { replayWebhookDelivery } from "@/db/queries/webhook-deliveries";
import { createWebhookEndpoint, removeWebhookEndpoint, replaceWebhookSecret, setWebhookEndpointEnabled } from "@/db/queries/webhook-endpoints";
import { env } from "@/lib/env";
import { parseAllowedHosts } from "@/lib/webhooks/address-policy";
import { webhookDeliveryIdSchema, webhookEndpointIdSchema, webhookEndpointSchema } from "@/lib/validation/webhooks";
import { formAction } from "@/server/action";

// Who may manage webhooks is decided inside each write, with the asker's role as it is then.

const PAGE = "/organisation/webhooks";

export const createWebhookEndpointAction = formAction(
  "member",
  webhookEndpointSchema(parseAllowedHosts(env().STAVE_WEBHOOK_ALLOW_HOSTS)),
  async (input, { ctx }) => {
    const { secret } = await createWebhookEndpoint(ctx, input);
    revalidatePath(PAGE);
    return { secret, url: input.url };
  },
);

export const setWebhookEndpointEnabledAction = formAction(
  "member",
  webhookEndpointIdSchema.extend({ enabled: z.enum(["true", "false"]).transform((v) => v === "true") }),
  async ({ endpointId, enabled }, { ctx }) => {
    await setWebhookEndpointEnabled(ctx, endpointId, enabled);
    revalidatePath(PAGE);
    return undefined;
  },
);

export const replaceWebhookSecretAction = formAction("member", webhookEndpointIdSchema, async ({ endpointId }, { ctx }) => {
  const { secret, previousUntil } = await replaceWebhookSecret(ctx, endpointId);
  revalidatePath(PAGE);
  return { secret, previousUntil: previousUntil.toISOString() };
});

export const removeWebhookEndpointAction = formAction("member", webhookEndpointIdSchema, async ({ endpointId }, { ctx }) => {
  await removeWebhookEndpoint(ctx, endpointId);
  revalidatePath(PAGE);
  return undefined;
});

export const replayWebhookDeliveryAction = formAction("member", webhookDeliveryIdSchema, async ({ deliveryId }, { ctx }) => {
  await replayWebhookDelivery(ctx, deliveryId);
  revalidatePath(PAGE, "layout");
  return undefined;
});
