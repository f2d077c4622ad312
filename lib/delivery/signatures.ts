import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// GitHub and PagerDuty sign each delivery's raw body with HMAC-SHA256 under a secret they were given:
// GitHub sends "sha256=<hex>" in X-Hub-Signature-256; PagerDuty sends "v1=<hex>" in
// X-PagerDuty-Signature, several comma-separated while a secret is being replaced.

/** A new signing secret for a source: 32 random bytes, hex (both senders take any string). */
export const newSigningSecret = () => randomBytes(32).toString("hex");

const hmacHex = (body: Uint8Array, secret: string) => createHmac("sha256", secret).update(body).digest("hex");

/** Constant-time comparison of two hex digests given as text. */
function sameDigest(given: string, expected: string): boolean {
  const a = Buffer.from(given.trim().toLowerCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function githubSignatureMatches(body: Uint8Array, header: string | null, secret: string): boolean {
  if (!header?.startsWith("sha256=")) return false;
  return sameDigest(header.slice("sha256=".length), hmacHex(body, secret));
}

export function pagerDutySignatureMatches(body: Uint8Array, header: string | null, secret: string): boolean {
  if (!header) return false;
  const expected = hmacHex(body, secret);
  return header
    .split(",")
    .map((s) => s.trim())
    .some((signature) => signature.startsWith("v1=") && sameDigest(signature.slice(3), expected));
}
