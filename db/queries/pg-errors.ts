import { AppError } from "@/lib/errors";

/** Every error in a chain of causes (drizzle wraps the driver's) and of grouped errors (one per address tried). */
function* errorChain(error: unknown, depth = 0): Generator<object> {
  if (!error || typeof error !== "object" || depth > 8) return;
  yield error;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  yield* errorChain(cause, depth + 1);
  if (Array.isArray(errors)) for (const inner of errors) yield* errorChain(inner, depth + 1);
}

/** PostgreSQL reports a broken unique constraint as SQLSTATE 23505, through pg and PGlite alike. */
export function isUniqueViolation(error: unknown): boolean {
  for (const e of errorChain(error)) if ((e as { code?: unknown }).code === "23505") return true;
  return false;
}

// The socket's codes when the server is down or out of reach, and PostgreSQL's own while it shuts
// down, starts up, refuses more connections or loses one (classes 57P and 08, and 53300).
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
// What the pg pool says, without a code, when a connection breaks or none comes in time.
const UNREACHABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error/,
  /^Connection refused/,
];

/** Whether an error means the database could not be reached, rather than that a statement failed. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (const e of errorChain(error)) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && UNREACHABLE_CODES.has(code)) return true;
    if (typeof message === "string" && UNREACHABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

export const UNAVAILABLE_MESSAGE = "Stave cannot reach its database just now. Nothing was changed: try again in a moment.";

/**
 * The error a transport maps: an unreachable database becomes AppError("unavailable") — 503, worth
 * retrying — wherever it surfaced; anything else is returned as it is.
 */
export function asAppError(error: unknown): unknown {
  if (error instanceof AppError || !isDatabaseUnreachable(error)) return error;
  return new AppError("unavailable", UNAVAILABLE_MESSAGE);
}
