"use server";

import { redirect } from "next/navigation";
import { consumeRateLimit, peekRateLimit } from "@/db/queries/rate-limits";
import { joinWorkshop } from "@/db/queries/workshop-votes";
import { AppError } from "@/lib/errors";
import { joinWorkshopSchema } from "@/lib/validation/workshop";
import { formAction } from "@/server/action";
import { clientIp } from "@/server/client-ip";
import { participantToken, setParticipantCookie } from "@/server/participant";
import { startUp } from "@/server/start-up";

// Joining has no caller yet. Wrong codes are counted per address (in the database, so every
// instance shares the count) and refused past a limit, which makes guessing hopeless; a room of a
// hundred phones behind one office address joining with the right code is never held up.
const WRONG_CODES_PER_ADDRESS = 20;
const WINDOW_SECONDS = 10 * 60;

export const joinWorkshopAction = formAction("anyone", joinWorkshopSchema, async ({ code, name, watching }) => {
  const { db } = await startUp();
  const key = `workshop-join-miss:ip:${await clientIp()}`;
  const refuseIfGuessing = (limit: { allowed: boolean; retryAfterSeconds: number }) => {
    if (limit.allowed) return;
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    throw new AppError("rate_limited", `Too many wrong codes from this network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  };
  // Past the limit, even the right code waits: otherwise guessing would simply go on.
  refuseIfGuessing(await peekRateLimit(db, key, WRONG_CODES_PER_ADDRESS, WINDOW_SECONDS));
  const current = await participantToken();
  const joined = await joinWorkshop(db, { joinCode: code, name, watching, token: current }).catch(async (error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") refuseIfGuessing(await consumeRateLimit(db, key, WRONG_CODES_PER_ADDRESS, WINDOW_SECONDS));
    throw error;
  });
  await setParticipantCookie(joined.token);
  redirect("/w");
});
