"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { consumeRateLimits } from "@/db/queries/rate-limits";
import { createDemoOrganisation } from "@/db/seed/demo";
import type { DemoSignIn } from "@/lib/demo";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { signUpSchema } from "@/lib/validation/account";
import { formAction } from "@/server/action";
import { getAuth } from "@/server/auth";
import { callAuth } from "@/server/auth-errors";
import { clientIp } from "@/server/client-ip";
import { refusePasswordWhereSsoOnly } from "@/server/sso-password";
import { startUp } from "@/server/start-up";

const SIGN_UP_WINDOW_SECONDS = 60 * 60;

// Creating an account needs no caller; the new account belongs to no organisation until it
// creates one or accepts an invitation. Attempts are limited per client address, so nobody fills
// the database with accounts; an office behind one address raises STAVE_SIGN_UP_LIMIT.
export const signUpAction = formAction("anyone", signUpSchema, async ({ name, email, password, next }) => {
  const { db } = await startUp();
  await refusePasswordWhereSsoOnly(db, email, "sign-up");
  await consumeRateLimits(
    db,
    [{ key: `sign-up:ip:${await clientIp()}`, limit: env().STAVE_SIGN_UP_LIMIT, windowSeconds: SIGN_UP_WINDOW_SECONDS }],
    (minutes) => `Too many accounts were created from your network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or ask someone to invite you.`,
  );
  const auth = await getAuth();
  const requestHeaders = await headers();
  await callAuth("sign-up", () => auth.api.signUpEmail({ body: { name, email, password }, headers: requestHeaders }));
  redirect(next ?? "/organisations/new");
});

/** Demo data, offered only before the first account exists; answers with the demo sign-ins. */
export const setUpDemoAction = formAction("anyone", z.object({}), async (): Promise<DemoSignIn[]> => {
  const { db } = await startUp();
  const signIns = await createDemoOrganisation(db);
  if (!signIns) throw new AppError("conflict", "Stave already has data: demo data is only added to an empty installation.");
  return signIns;
});
