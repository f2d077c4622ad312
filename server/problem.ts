import { AppError, GENERIC_FAILURE, httpStatus, type ErrorCode } from "@/lib/errors";

/** One field's problem, as the `errors` member lists them: where (a JSON pointer into the input) and what. */
export type FieldProblem = { pointer?: string; detail: string };

/** A failure as route handlers answer it: an RFC 9457 problem document. */
export type Problem = { type: string; title: string; status: number; detail: string; errors?: FieldProblem[] };

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

const titles: Record<ErrorCode | "internal", string> = {
  invalid_input: "Invalid request",
  unauthenticated: "Not authenticated",
  forbidden: "Not allowed",
  results_private: "Kept to the team",
  not_found: "Not found",
  conflict: "Conflict",
  read_only: "Read only",
  payload_too_large: "Request too large",
  incomplete: "Incomplete",
  rate_limited: "Too many requests",
  unavailable: "Temporarily unavailable",
  internal: "Internal error",
};

/** A stable identifier per kind of problem, for clients to branch on; the detail says the particulars. */
const problemType = (code: ErrorCode | "internal") => `urn:stave:problem:${code.replace(/_/g, "-")}`;

/** A field path as the data layer names it ("steps.0.title") as a JSON pointer; the whole form has none. */
function fieldProblems(fieldErrors: Record<string, string[]>): FieldProblem[] {
  return Object.entries(fieldErrors).flatMap(([field, messages]) =>
    messages.map((detail) =>
      field === "form"
        ? { detail }
        : {
            pointer: `#/${field
              .split(".")
              .map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1"))
              .join("/")}`,
            detail,
          },
    ),
  );
}

/** The problem document for an error; anything but an AppError is the generic failure, its details never sent. */
export function problemOf(error: unknown): Problem {
  if (!(error instanceof AppError)) {
    return { type: problemType("internal"), title: titles.internal, status: 500, detail: GENERIC_FAILURE };
  }
  const errors = error.fieldErrors && fieldProblems(error.fieldErrors);
  return {
    type: problemType(error.code),
    title: titles[error.code],
    status: httpStatus[error.code],
    detail: error.message,
    ...(errors && errors.length > 0 && { errors }),
  };
}

/**
 * The response for an error: its problem document (with any extension members, such as the list of
 * a file's problems), and `Retry-After` when the error says when to try again.
 */
export function problemResponse(error: unknown, init: { headers?: Record<string, string>; extensions?: Record<string, unknown> } = {}): Response {
  const problem = { ...init.extensions, ...problemOf(error) };
  const headers = new Headers({ "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store", ...init.headers });
  if (error instanceof AppError && error.retryAfterSeconds !== undefined) headers.set("Retry-After", String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  return new Response(JSON.stringify(problem), { status: problem.status, headers });
}
