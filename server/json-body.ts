import "server-only";
import type { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseInput } from "./action";
import { declaredTooLarge, readLimited } from "./body-reader.mjs";
import { firstForwarded } from "./public-origin";

/** The most a JSON request may send: far more than an answer with its note, or a vote. */
export const JSON_BODY_LIMIT = 64 * 1024;

type SiteSeen = { url: string; host: string | null; forwardedHost: string | null; forwardedProto: string | null; trustProxy: boolean; configured?: string };

/**
 * Whether a browser's Origin header names this site. A browser always sends Origin with a
 * cross-site request, so a request without one is not a browser's cross-site request. This site is
 * the request's own URL, the configured address (BETTER_AUTH_URL), behind a trusted proxy
 * (STAVE_TRUST_PROXY) the host and scheme it passed on in X-Forwarded-Host and -Proto, and the
 * Host the browser asked for (whose scheme a proxy ending TLS hides, so the host alone is compared).
 */
export function originIsThisSite(origin: string | null, seen: SiteSeen): boolean {
  if (!origin) return true;
  if (!URL.canParse(origin)) return false; // "null" from a sandboxed or file page
  const asked = new URL(origin);
  if (asked.origin === new URL(seen.url).origin) return true;
  if (seen.configured && asked.origin === new URL(seen.configured).origin) return true;
  const forwardedHost = seen.trustProxy ? firstForwarded(seen.forwardedHost) : undefined;
  if (forwardedHost) {
    const proto = firstForwarded(seen.forwardedProto) ?? asked.protocol.slice(0, -1);
    const forwarded = `${proto}://${forwardedHost}`;
    if (URL.canParse(forwarded) && asked.origin === new URL(forwarded).origin) return true;
  }
  return asked.host === seen.host;
}

function fromThisSite(request: Request): boolean {
  const { BETTER_AUTH_URL, STAVE_TRUST_PROXY } = env();
  return originIsThisSite(request.headers.get("origin"), {
    url: request.url,
    host: request.headers.get("host"),
    forwardedHost: request.headers.get("x-forwarded-host"),
    forwardedProto: request.headers.get("x-forwarded-proto"),
    trustProxy: STAVE_TRUST_PROXY,
    configured: BETTER_AUTH_URL,
  });
}

/** Refuses a request another site sends (a cookie alone does not make a request ours). */
export function requireOwnSite(request: Request, what: string): void {
  if (!fromThisSite(request)) throw new AppError("forbidden", `${what} is taken from Stave's own pages only.`);
}

/**
 * A route's body, read with the one limited reader and given up as soon as it passes `limit` bytes
 * (declared or not): `tooLarge` says why, in the route's own words.
 */
export async function readBody(request: Request, limit: number, tooLarge: () => AppError): Promise<Buffer> {
  if (declaredTooLarge(request.headers.get("content-length"), limit)) throw tooLarge();
  const read = await readLimited(request.body, limit);
  if (!read.ok) throw tooLarge();
  return read.body;
}

/**
 * The JSON object the app's own script sends to a route, with the route's path parameters
 * (`fromPath`, which win over the body's), parsed with `schema`. Refused with a specific message
 * when another site sends it (a cookie alone does not make a request ours), when it is not a JSON
 * object, larger than the limit, or not what the schema expects.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, what: string, fromPath: Record<string, string> = {}): Promise<z.output<S>> {
  requireOwnSite(request, what);
  if (!request.headers.get("content-type")?.startsWith("application/json")) throw new AppError("invalid_input", `Send ${what.toLowerCase()} as JSON.`);
  const tooLarge = () => new AppError("payload_too_large", `The request is too large: ${what.toLowerCase()} can be at most ${JSON_BODY_LIMIT / 1024} KB.`);
  // As request.text() would decode it: a leading byte-order mark dropped.
  const text = new TextDecoder().decode(await readBody(request, JSON_BODY_LIMIT, tooLarge));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", `Invalid request: ${what.toLowerCase()} is not valid JSON.`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new AppError("invalid_input", `Invalid request: send ${what.toLowerCase()} as a JSON object.`);
  const parsed = parseInput(schema, { ...body, ...fromPath });
  if (!parsed.ok) throw new AppError("invalid_input", parsed.error, parsed.fieldErrors);
  return parsed.data;
}
