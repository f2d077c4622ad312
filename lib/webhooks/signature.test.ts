import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { formatWebhookSecret, signatureHeader, signatureMatches, signWebhook, webhookSecretKey, WEBHOOK_SECRET_BYTES } from "./signature";

// The other side: the Standard Webhooks project's own verifier (an implementation independent of ours).
const secret = formatWebhookSecret(randomBytes(WEBHOOK_SECRET_BYTES));
const body = JSON.stringify({ type: "assessment.submitted", timestamp: "2026-12-07T10:00:00.000Z", data: { teamName: "Payments ✓" } });
const message = { id: "msg_0b6e6f1c", timestamp: Math.floor(Date.now() / 1000), body };
const headers = (signature: string, m = message) => ({ "webhook-id": m.id, "webhook-timestamp": String(m.timestamp), "webhook-signature": signature });

describe("Standard Webhooks signatures", () => {
  it("are what the spec's reference library verifies, and it refuses a changed body, id or timestamp", () => {
    const receiver = new Webhook(secret);
    expect(receiver.verify(body, headers(signWebhook(message, secret)))).toEqual(JSON.parse(body));
    expect(() => receiver.verify(body.replace("Payments", "Payroll"), headers(signWebhook(message, secret)))).toThrow();
    expect(() => receiver.verify(body, headers(signWebhook(message, secret), { ...message, id: "msg_other" }))).toThrow();
    expect(() => receiver.verify(body, headers(signWebhook(message, secret), { ...message, timestamp: message.timestamp + 1 }))).toThrow();
  });

  it("refuse a replay older than five minutes, as the receiver's library does", () => {
    const old = { ...message, timestamp: message.timestamp - 6 * 60 };
    expect(() => new Webhook(secret).verify(body, headers(signWebhook(old, secret), old))).toThrow(/timestamp/i);
  });

  it("carry one signature per secret while a secret is replaced, so a receiver with either verifies", () => {
    const next = formatWebhookSecret(randomBytes(32));
    const header = signatureHeader(message, [next, secret]);
    expect(header.split(" ")).toHaveLength(2);
    expect(new Webhook(secret).verify(body, headers(header))).toBeTruthy();
    expect(new Webhook(next).verify(body, headers(header))).toBeTruthy();
    expect(() => new Webhook(formatWebhookSecret(randomBytes(24))).verify(body, headers(header))).toThrow();
    expect(signatureMatches(message, header, next)).toBe(true);
    expect(signatureMatches({ ...message, body: "{}" }, header, next)).toBe(false);
  });

  it("only come from a whsec_ secret of 24 to 64 bytes", () => {
    expect(webhookSecretKey(secret)).toHaveLength(WEBHOOK_SECRET_BYTES);
    expect(webhookSecretKey("whsec_" + Buffer.alloc(8).toString("base64"))).toBeUndefined();
    expect(webhookSecretKey(Buffer.alloc(32).toString("base64"))).toBeUndefined();
    expect(() => signWebhook(message, "not-a-secret")).toThrow(/whsec_/);
  });
});
