import "server-only";
import type { Db } from "@/db/client";
import { passwordSignInRefused } from "@/db/queries/sso-sign-in";
import { AppError } from "@/lib/errors";

const SIGN_IN_OFF = "Your organisation signs in with single sign-on: use “Sign in with your organisation’s single sign-on” below.";
const SIGN_UP_OFF =
  "Your organisation signs in with single sign-on: your account is made the first time you sign in with it, on the sign-in page. No password is needed.";

/**
 * Refuses a password for an address whose organisation turned password sign-in off (its owners
 * excepted): signing in with one, and making an account with one, which would be a way around it.
 */
export async function refusePasswordWhereSsoOnly(db: Db, email: string, attempt: "sign-in" | "sign-up"): Promise<void> {
  if (!(await passwordSignInRefused(db, email))) return;
  const message = attempt === "sign-in" ? SIGN_IN_OFF : SIGN_UP_OFF;
  throw new AppError("forbidden", message, { email: [message] });
}
