import { isAPIError } from "better-auth/api";
import { AppError } from "@/lib/errors";

// The one place that knows how the auth library refuses a request. Its refusals become the typed
// errors every form shows; anything else it throws (the database down, a bug) passes on unchanged,
// so it is answered as a failure rather than as a wrong password.

export const RESET_LINK_REFUSED = "This reset link has expired or was already used. Ask for a new one.";

/** The account operations Stave asks the auth library for. */
export type AuthOperation = "sign-in" | "sign-up" | "change-password" | "reset-password";

const refusals: Record<AuthOperation, () => AppError> = {
  // Never says whether the account exists.
  "sign-in": () => new AppError("invalid_input", "Email or password is incorrect."),
  // Deliberately vague: the answer must not tell whether the address already has an account.
  "sign-up": () => new AppError("conflict", "The account could not be created. If you already have one, sign in instead."),
  "change-password": () => new AppError("invalid_input", "The current password is not right.", { currentPassword: ["The current password is not right."] }),
  // An unknown, used or expired link all read the same: the way on is a new link.
  "reset-password": () => new AppError("invalid_input", RESET_LINK_REFUSED),
};

/** A refusal by the auth library (a 4xx answer), as opposed to its failing. */
function isRefusal(error: unknown): boolean {
  if (!isAPIError(error)) return false;
  const { statusCode } = error as { statusCode?: unknown };
  return typeof statusCode !== "number" || statusCode < 500;
}

/** The error to throw for what the auth library threw during `operation`. */
export function authError(operation: AuthOperation, error: unknown): unknown {
  return isRefusal(error) ? refusals[operation]() : error;
}

/** Runs one call to the auth library, its refusals mapped to the AppError `operation` answers with. */
export async function callAuth<T>(operation: AuthOperation, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw authError(operation, error);
  }
}
