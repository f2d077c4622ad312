"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { consumeRateLimits, resetRateLimit } from "@/db/queries/rate-limits";
import { DEMO_PASSWORD } from "@/lib/demo";
import { demoSignInSchema, signInSchema } from "@/lib/validation/account";
import { formAction } from "@/server/action";
import { getAuth } from "@/server/auth";
import { callAuth } from "@/server/auth-errors";
import { clientIp } from "@/server/client-ip";
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
