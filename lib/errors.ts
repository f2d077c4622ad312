/** Errors a user may see. Anything else is logged on the server and shown as a generic failure. */
export type ErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "results_private"
  | "not_found"
  | "conflict"
  | "read_only"
  | "payload_too_large"
  | "incomplete"
  | "rate_limited"
  | "unavailable";

export const httpStatus: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  results_private: 403,
  not_found: 404,
  conflict: 409,
  read_only: 409,
  payload_too_large: 413,
  incomplete: 422,
  rate_limited: 429,
  unavailable: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** When trying again may work, and how soon (a route answers it as `Retry-After`). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** An AppError for a missing resource (Next's `notFound()` is the page-level one: it throws). */
export const notFoundError = (what: string) => new AppError("not_found", `${what} was not found.`);

export const GENERIC_FAILURE = "Something went wrong on our side. Nothing was changed; please try again.";
