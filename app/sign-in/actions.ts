"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { consumeRateLimits, resetRateLimit } from "@/db/queries/rate-limits";
import { ssoForEmail } from "@/db/queries/sso-sign-in";
import { AppError } from "@/lib/errors";
import { emailDomain } from "@/lib/sso/domains";
import { ssoSignInSchema } from "@/lib/validation/sso";
import { DEMO_PASSWORD } from "@/lib/demo";
import { demoSignInSchema, signInSchema } from "@/lib/validation/account";
import { formAction } from "@/server/action";
import { getAuth } from "@/server/auth";
import { callAuth } from "@/server/auth-errors";
import { clientIp } from "@/server/client-ip";
import { refusePasswordWhereSsoOnly } from "@/server/sso-password";
import { startUp } from "@/server/start-up";

const WINDOW_SECONDS = 15 * 60;
const PER_ACCOUNT = 8;
const PER_IP = 40;

/**
 * Signing in has no caller yet: it is limited per account and per address instead, and its
 * answers never say whether an account exists.
 */
async function signInWithPassword(email: string, password: string): Promise<void> {
  const { db } = await startUp();
  await refusePasswordWhereSsoOnly(db, email, "sign-in");
  await consumeRateLimits(
    db,
    [
      { key: `sign-in:account:${email}`, limit: PER_ACCOUNT, windowSeconds: WINDOW_SECONDS },
      { key: `sign-in:ip:${await clientIp()}`, limit: PER_IP, windowSeconds: WINDOW_SECONDS },
    ],
    (minutes) => `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
  const auth = await getAuth();
  const requestHeaders = await headers();
  await callAuth("sign-in", () => auth.api.signInEmail({ body: { email, password }, headers: requestHeaders }));
  await resetRateLimit(db, `sign-in:account:${email}`);
}

export const signInAction = formAction("anyone", signInSchema, async ({ email, password, next }) => {
  await signInWithPassword(email, password);
  redirect(next ?? "/");
});

/** One click on a demo sign-in: the same sign-in, with the demo password everyone is shown. */
export const demoSignInAction = formAction("anyone", demoSignInSchema, async ({ email }) => {
  await signInWithPassword(email, DEMO_PASSWORD);
  redirect("/");
});

/** Sends a person to the identity provider of the organisation that claims their address's domain. */
export const ssoSignInAction = formAction("anyone", ssoSignInSchema, async ({ email, next }) => {
  const { db } = await startUp();
  const connection = await ssoForEmail(db, email);
  if (!connection) {
    const message = `No organisation signs in with single sign-on for ${emailDomain(email)}. Sign in with your password instead.`;
    throw new AppError("invalid_input", message, { email: [message] });
  }
  const auth = await getAuth();
  const { url } = await auth.api.signInSSO({
    body: { providerId: connection.providerId, loginHint: email, callbackURL: next ?? "/", errorCallbackURL: "/sign-in?sso=failed" },
    headers: await headers(),
  });
  redirect(url);
});
