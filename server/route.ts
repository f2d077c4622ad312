import "server-only";
import { asAppError } from "@/db/queries/pg-errors";
import { AppError } from "@/lib/errors";
import { resolveCaller, type Caller, type Who } from "./caller";
import { problemResponse } from "./problem";

/**
 * A route handler's failure as a problem document (an unreachable database: 503 with Retry-After,
 * which clients retry); unexpected errors are logged, never sent.
 */
function errorResponse(thrown: unknown, who: Who): Response {
  const error = asAppError(thrown);
  if (!(error instanceof AppError)) console.error("Route handler failed:", error);
  const known = error instanceof AppError ? error : undefined;
  // A client of a token route is told which scheme to authenticate with.
  const headers: Record<string, string> = {};
  if (who === "token" && known?.code === "unauthenticated") headers["WWW-Authenticate"] = 'Bearer realm="Stave API"';
  if (known?.code === "unavailable" && known.retryAfterSeconds === undefined) headers["Retry-After"] = "5";
  return problemResponse(error, { headers });
}

/**
 * The one way a route handler runs (for non-form clients: exports, API, live updates, health):
 * find out who is asking and refuse anyone the route is not for, then answer; typed errors become
 * their HTTP status (400, 401, 403, 404, 409, 413, 422, 429, 503) with an
 * `application/problem+json` body (type, title, status, detail, and `errors` per field).
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
      return errorResponse(error, who);
    }
  };
}
