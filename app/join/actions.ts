"use server";

import { redirect } from "next/navigation";
import { consumeRateLimit } from "@/db/queries/rate-limits";
import { joinWorkshop } from "@/db/queries/workshop-votes";
import { AppError } from "@/lib/errors";
import { joinWorkshopSchema } from "@/lib/validation/workshop";
import { formAction } from "@/server/action";
import { clientIp } from "@/server/client-ip";
import { setParticipantCookie } from "@/server/participant";
import { startUp } from "@/server/start-up";

// Joining has no caller yet: attempts are limited per address (counted in the database, so every
// instance shares the count), which makes guessing codes hopeless.
const JOINS_PER_ADDRESS = 30;
const WINDOW_SECONDS = 10 * 60;

export const joinWorkshopAction = formAction("anyone", joinWorkshopSchema, async ({ code, name }) => {
  const { db } = await startUp();
  const limit = await consumeRateLimit(db, `workshop-join:ip:${await clientIp()}`, JOINS_PER_ADDRESS, WINDOW_SECONDS);
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    throw new AppError("rate_limited", `Too many tries to join from this network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  const joined = await joinWorkshop(db, { joinCode: code, name });
  await setParticipantCookie(joined.token);
  redirect("/w");
});
