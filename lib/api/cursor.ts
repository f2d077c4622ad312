import { createHmac, timingSafeEqual } from "node:crypto";

// A page of an API list ends with a cursor naming where the next page starts. It is opaque to
// clients and signed, so a cursor that was edited or made up is refused rather than followed.

const SIGNATURE_BYTES = 12;

const sign = (body: string, key: string) => createHmac("sha256", key).update(body).digest().subarray(0, SIGNATURE_BYTES);

/** The cursor for a position in a list (e.g. the last id of a page), signed with the server's key. */
export function encodeCursor(position: Record<string, string | number>, key: string): string {
  const body = Buffer.from(JSON.stringify(position)).toString("base64url");
  return `${body}.${sign(body, key).toString("base64url")}`;
}

/** The position a cursor names, or undefined when it is malformed or its signature does not match. */
export function decodeCursor(cursor: string, key: string): Record<string, unknown> | undefined {
  const [body, signature, ...rest] = cursor.split(".");
  if (!body || !signature || rest.length > 0) return undefined;
  // Compared as text: base64url decoding ignores stray characters, the canonical text does not.
  const given = Buffer.from(signature);
  const expected = Buffer.from(sign(body, key).toString("base64url"));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const position: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    return position && typeof position === "object" && !Array.isArray(position) ? (position as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
