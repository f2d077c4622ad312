"use server";

import { redirect } from "next/navigation";
import { consumeRateLimits } from "@/db/queries/rate-limits";
import { resetPasswordSchema } from "@/lib/validation/account";
import { formAction } from "@/server/action";
import { getAuth } from "@/server/auth";
import { callAuth } from "@/server/auth-errors";
import { clientIp } from "@/server/client-ip";
import { startUp } from "@/server/start-up";

const PER_CLIENT = 20;
const WINDOW_SECONDS = 15 * 60;

/** Sets the new password with the link's token; the token is used up and every session of the account ends. */
export const resetPasswordAction = formAction("anyone", resetPasswordSchema, async ({ token, newPassword }) => {
  const { db } = await startUp();
  await consumeRateLimits(
    db,
    [{ key: `password-reset:use:ip:${await clientIp()}`, limit: PER_CLIENT, windowSeconds: WINDOW_SECONDS }],
    (minutes) => `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
  const auth = await getAuth();
  await callAuth("reset-password", () => auth.api.resetPassword({ body: { token, newPassword } }));
  redirect("/sign-in?password=reset");
});
