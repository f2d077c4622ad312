import "server-only";
import { createHmac } from "node:crypto";
import type { TokenContext } from "@/db/queries/api-tokens";
import { dashboardVersion } from "@/db/queries/dashboard-cache";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { entityTag, matchesTag } from "@/lib/api/etag";
import { listQuerySchema, type ListQuery } from "@/lib/api/list-query";
import { API_OPERATIONS } from "@/lib/contracts/operations";
import { AppError } from "@/lib/errors";
import { parseInput } from "./action";
import { sessionKeys } from "./auth";
import { route } from "./route";

type Read<P> = (request: { url: URL; caller: TokenContext; params: P }) => Promise<unknown>;

/** A key for list cursors and API entity tags, derived from the server's secret so every instance signs alike. */
async function cursorKey(): Promise<string> {
  return createHmac("sha256", (await sessionKeys()).secret)
    .update("stave api cursor")
    .digest("base64url");
}

/** The page a list request asks for: its size, and where it starts (from a cursor this API gave). */
export async function listPage(url: URL): Promise<ListQuery & { after?: string }> {
  const parsed = parseInput(listQuerySchema, Object.fromEntries(url.searchParams));
  if (!parsed.ok) throw new AppError("invalid_input", parsed.error, parsed.fieldErrors);
  if (parsed.data.cursor === undefined) return parsed.data;
  const position = decodeCursor(parsed.data.cursor, await cursorKey());
  if (typeof position?.after !== "string")
    throw new AppError("invalid_input", "That cursor is not one this API gave: start again without it.", { cursor: ["not a cursor of this API"] });
  return { ...parsed.data, after: position.after };
}

/** The cursor of the page after one that ended at `after`; null on the last page. */
export async function nextCursor(after: string | undefined): Promise<string | null> {
  return after === undefined ? null : encodeCursor({ after }, await cursorKey());
}

/**
 * The one way an API read answers: a token's caller (refused with 401/429 before anything is read),
 * the view read with its context, checked against the operation's contract — which also leaves out
 * anything the contract does not name — and sent as JSON with an ETag, or 304 when the client's
 * If-None-Match already names it.
 *
 * `versioned`: everything the resource shows moves the organisation's data version (scores,
 * assessments, teams, groups, targets, trend notes), so its ETag is that version with the day (what
 * is "open for 12 days" changes daily), the address and the token's scopes: a revalidation that
 * ends in 304 reads one row instead of the view. Otherwise the ETag is a digest of the answer.
 */
export function apiRead<P = Record<string, never>>(operationId: string, read: Read<P>, { versioned = false }: { versioned?: boolean } = {}) {
  const op = API_OPERATIONS.find((o) => o.id === operationId);
  if (!op) throw new Error(`No API operation ${operationId}`);
  return route("token", async (request, caller, params: P) => {
    const url = new URL(request.url);
    const ifNoneMatch = request.headers.get("if-none-match");
    const headers = { "Cache-Control": "private, no-cache", Vary: "Authorization" };
    const notModified = (tag: string) => new Response(null, { status: 304, headers: { ...headers, ETag: tag } });
    let tag: string | undefined;
    if (versioned) {
      const version = await dashboardVersion(caller.ctx);
      // Keyed with the server's secret: a tag can only come from an answer this API gave (never
      // forged to get 304 where the resource would be 404).
      tag = entityTag([await cursorKey(), version, new Date().toISOString().slice(0, 10), url.pathname, url.search, caller.scopes.join(" ")].join("|"));
      if (matchesTag(ifNoneMatch, tag)) return notModified(tag);
    }
    const body = JSON.stringify(op.schema.parse(await read({ url, caller, params })));
    if (tag === undefined) {
      tag = entityTag(body);
      if (matchesTag(ifNoneMatch, tag)) return notModified(tag);
    }
    return new Response(body, { headers: { ...headers, ETag: tag, "Content-Type": "application/json; charset=utf-8" } });
  });
}
