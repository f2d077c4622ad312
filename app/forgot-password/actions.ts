"use server";

import { headers } from "next/headers";
import { consumeRateLimits } from "@/db/queries/rate-limits";
import { AppError } from "@/lib/errors";
import { requestPasswordResetSchema } from "@/lib/validation/account";
import { formAction } from "@/server/action";
import { getAuth } from "@/server/auth";
import { clientIp } from "@/server/client-ip";
import { mailer } from "@/server/mail";
import { startUp } from "@/server/start-up";

const PER_ADDRESS = 3;
const ADDRESS_WINDOW_SECONDS = 60 * 60;
const PER_CLIENT = 10;
const CLIENT_WINDOW_SECONDS = 15 * 60;

/**
 * Asks the auth library to mail a reset link. Limited per address (nobody fills a stranger's inbox)
 * and per client; the answer is the same whether or not the address has an account.
 */
export const requestPasswordResetAction = formAction("anyone", requestPasswordResetSchema, async ({ email }) => {
  if (!mailer().configured) throw new AppError("conflict", "This Stave cannot send mail. Ask whoever runs it to set your password again.");
  const { db } = await startUp();
  await consumeRateLimits(
    db,
    [
      { key: `password-reset:address:${email}`, limit: PER_ADDRESS, windowSeconds: ADDRESS_WINDOW_SECONDS },
      { key: `password-reset:ip:${await clientIp()}`, limit: PER_CLIENT, windowSeconds: CLIENT_WINDOW_SECONDS },
    ],
    (minutes) => `Too many reset requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
  const auth = await getAuth();
  await auth.api.requestPasswordReset({ body: { email }, headers: await headers() });
  return { email };
});
