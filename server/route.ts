import "server-only";
import { asAppError } from "@/db/queries/pg-errors";
import { AppError, GENERIC_FAILURE, httpStatus } from "@/lib/errors";
import { resolveCaller, type Caller, type Who } from "./caller";

/**
 * A route handler's failure as JSON with the status its error code stands for (an unreachable
 * database: 503, which clients retry); unexpected errors are logged, never sent.
 */
function errorResponse(thrown: unknown): Response {
  const error = asAppError(thrown);
  if (error instanceof AppError) {
    const headers = error.code === "unavailable" ? { "Retry-After": "5", "Cache-Control": "no-store" } : undefined;
    return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: httpStatus[error.code], headers });
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
