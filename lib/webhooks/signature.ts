import { createHmac, timingSafeEqual } from "node:crypto";

// Standard Webhooks (standardwebhooks.com): the sender signs "<webhook-id>.<webhook-timestamp>.<body>"
// with HMAC-SHA256 under the endpoint's secret, and sends "v1,<base64>" in webhook-signature (several,
// space-separated, while a secret is being replaced). A secret is written "whsec_<base64 of its bytes>".

const SECRET_PREFIX = "whsec_";
/** 24 random bytes: the spec asks for 24 to 64. */
export const WEBHOOK_SECRET_BYTES = 24;

/** The secret as the spec writes it, from its random bytes. */
export const formatWebhookSecret = (bytes: Uint8Array): string => SECRET_PREFIX + Buffer.from(bytes).toString("base64");

/** The key bytes of a "whsec_…" secret; undefined when it is not one. */
export function webhookSecretKey(secret: string): Buffer | undefined {
  if (!secret.startsWith(SECRET_PREFIX)) return undefined;
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
  return key.length >= WEBHOOK_SECRET_BYTES && key.length <= 64 ? key : undefined;
}

export type SignedMessage = { id: string; timestamp: number; body: string };

/** One "v1,<base64>" signature of a message under a secret. */
export function signWebhook(message: SignedMessage, secret: string): string {
  const key = webhookSecretKey(secret);
  if (!key) throw new Error("A webhook secret is written whsec_ followed by 24 to 64 bytes in base64.");
  const signed = `${message.id}.${message.timestamp}.${message.body}`;
  return `v1,${createHmac("sha256", key).update(signed, "utf8").digest("base64")}`;
}

/** The webhook-signature header: one signature per secret (the new one first while an old one is still honoured). */
export const signatureHeader = (message: SignedMessage, secrets: readonly string[]): string => secrets.map((s) => signWebhook(message, s)).join(" ");

/** Whether any signature in a webhook-signature header is the message's under the secret (constant-time). */
export function signatureMatches(message: SignedMessage, header: string, secret: string): boolean {
  const expected = Buffer.from(signWebhook(message, secret));
  return header.split(" ").some((given) => {
    const candidate = Buffer.from(given);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
}
