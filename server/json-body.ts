import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "./action";

/** The most a JSON request may send: far more than an answer with its note, or a vote. */
export const JSON_BODY_LIMIT = 64 * 1024;

/** Sent by a page of this site: a browser names the page's origin on every cross-site request. */
function fromThisSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true; // not a browser's cross-site request (a browser always sends Origin with one)
  if (origin === new URL(request.url).origin) return true;
  // Behind a proxy the request's own URL may be the internal one; the Host header is what the browser asked for.
  return URL.canParse(origin) && new URL(origin).host === request.headers.get("host");
}

/**
 * The JSON object the app's own script sends to a route, with the route's path parameters
 * (`fromPath`, which win over the body's), parsed with `schema`. Refused with a specific message
 * when another site sends it (a cookie alone does not make a request ours), when it is not a JSON
 * object, larger than the limit, or not what the schema expects.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, what: string, fromPath: Record<string, string> = {}): Promise<z.output<S>> {
  if (!fromThisSite(request)) throw new AppError("forbidden", `${what} is taken from Stave's own pages only.`);
  if (!request.headers.get("content-type")?.startsWith("application/json")) throw new AppError("invalid_input", `Send ${what.toLowerCase()} as JSON.`);
  const tooLarge = () => new AppError("payload_too_large", `The request is too large: ${what.toLowerCase()} can be at most ${JSON_BODY_LIMIT / 1024} KB.`);
  if (Number(request.headers.get("content-length") ?? 0) > JSON_BODY_LIMIT) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > JSON_BODY_LIMIT) throw tooLarge();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", `Invalid request: ${what.toLowerCase()} is not valid JSON.`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("invalid_input", `Invalid request: send ${what.toLowerCase()} as a JSON object.`);
  const parsed = parseInput(schema, { ...body, ...fromPath });
  if (!parsed.ok) throw new AppError("invalid_input", parsed.error, parsed.fieldErrors);
  return parsed.data;
}
