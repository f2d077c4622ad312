// A delivery's life: pending until an attempt, retrying after a failed one while its job has
// attempts left (the job queue waits longer each time), delivered on a 2xx answer, failed once the
// attempts are spent or trying again cannot help. A person may replay any delivery, once.

export const WEBHOOK_DELIVERY_STATES = ["pending", "retrying", "delivered", "failed"] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];
