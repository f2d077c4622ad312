import { createHash } from "node:crypto";

// Revalidation for API reads: a client that sends back the ETag it was given gets 304 and no body
// while nothing it read has changed.

/** A strong entity tag for a value: the version it was read at, or a digest of its text. */
export const entityTag = (text: string) => `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;

/** Whether an If-None-Match header names the tag (weak comparison, as GET revalidation uses). */
export function matchesTag(ifNoneMatch: string | null, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || bare(t) === bare(tag));
}
