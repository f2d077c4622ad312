import { z } from "zod";
import { checkEndpointUrl } from "../webhooks/address-policy";
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS } from "../webhooks/events";
import { WEBHOOK_DESCRIPTION_MAX, WEBHOOK_URL_MAX } from "./limits";
import { storableText } from "./text";

/** The events ticked: a form sends one value per box, none when nothing is ticked. */
const events = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(z.enum(WEBHOOK_EVENTS, "Choose the events from the list."), "Choose the events from the list.")
    .transform((list) => [...new Set(list)])
    .refine((list) => list.length > 0, "Choose at least one event to send."),
);

/** An endpoint as typed: its address must be one Stave sends to (`allowedHosts`: the operator's exceptions). */
export const webhookEndpointSchema = (allowedHosts: readonly string[]) =>
  z.object({
    url: storableText("The address", "Enter the endpoint's address.")
      .transform((s) => s.trim())
      .pipe(z.string().min(1, "Enter the endpoint's address.").max(WEBHOOK_URL_MAX, `The address can be at most ${WEBHOOK_URL_MAX} characters.`))
      .transform((raw, context) => {
        const checked = checkEndpointUrl(raw, allowedHosts);
        if ("problem" in checked) {
          context.addIssue({ code: "custom", message: checked.problem });
          return z.NEVER;
        }
        return checked.url.toString();
      }),
    description: storableText("The description")
      .optional()
      .transform((s) => (s ?? "").trim().replace(/\s+/g, " "))
      .pipe(z.string().max(WEBHOOK_DESCRIPTION_MAX, `The description can be at most ${WEBHOOK_DESCRIPTION_MAX} characters.`)),
    events,
    format: z.enum(WEBHOOK_FORMATS, "Choose how deliveries are written."),
  });
export type WebhookEndpointInput = z.output<ReturnType<typeof webhookEndpointSchema>>;

export const webhookEndpointIdSchema = z.object({ endpointId: z.uuid("Unknown webhook endpoint.") });
export const changeWebhookEndpointSchema = (allowedHosts: readonly string[]) => webhookEndpointSchema(allowedHosts).extend(webhookEndpointIdSchema.shape);
export const webhookDeliveryIdSchema = z.object({ deliveryId: z.uuid("Unknown delivery.") });
