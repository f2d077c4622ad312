import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The session token in a signed session cookie (`token.signature`, the signature an HMAC-SHA256 of
 * the token in base64, as the auth library writes it), or undefined when the signature is wrong.
 * Checked with node:crypto: the library's WebCrypto check costs more than the rest of an autosave.
 */
export function verifiedSessionToken(cookieValue: string, secret: string): string | undefined {
  let value = cookieValue;
  if (value.includes("%")) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  const dot = value.lastIndexOf(".");
  if (dot < 1) return undefined;
  const token = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(createHmac("sha256", secret).update(token).digest("base64"));
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : undefined;
}
