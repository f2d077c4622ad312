import "server-only";
import type { z } from "zod";
import { AppError, GENERIC_FAILURE, httpStatus } from "@/lib/errors";
import { parseInput } from "./action";
import { resolveCaller, type Caller, type Who } from "./caller";

/** A route handler's failure as JSON with the status its error code stands for; unexpected errors are logged, never sent. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: httpStatus[error.code] });
  }
  console.error("Route handler failed:", error);
  return Response.json({ error: GENERIC_FAILURE }, { status: 500 });
}

/**
 * The one way a route handler runs (for non-form clients: exports, API, live updates, health):
 * find out who is asking and refuse anyone the route is not for, then answer; typed errors become
 * their HTTP status (400, 401, 403, 404, 409, 413, 422, 429, 503).
 */
export function route<W extends Who, P = unknown>(
  who: W,
  handler: (request: Request, caller: Caller<W>, params: P) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    try {
      const caller = await resolveCaller(who);
      return await handler(request, caller, await context?.params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** A JSON request body, at most `maxBytes` long (413 beyond), parsed (400 when it is not JSON) and checked with zod (400). */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, maxBytes = BODY_LIMIT_BYTES): Promise<z.output<S>> {
  const tooLarge = () => new AppError("payload_too_large", `The request body is over the limit of ${Math.round(maxBytes / 1024)} KB.`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("invalid_input", "Invalid request: the body is not JSON.");
  }
  const parsed = parseInput(schema, json);
  if (!parsed.ok) throw new AppError("invalid_input", parsed.error, parsed.fieldErrors);
  return parsed.data;
}
