import "server-only";
import { cookies } from "next/headers";
import type { Ctx } from "@/db/context";
import { participantByToken, tokenOfEndedWorkshop, type Participant } from "@/db/queries/workshop-votes";
import { env } from "@/lib/env";
import { startUp } from "./start-up";

// A workshop participant has no account: joining sets an HttpOnly cookie with their token, good
// for voting in that workshop only, until it ends (the token is checked against a running workshop
// on every request).

const PARTICIPANT_COOKIE = "stave_participant";
/** Long enough for a day's workshop; the workshop's end stops the token sooner. */
const PARTICIPANT_COOKIE_SECONDS = 12 * 60 * 60;

export async function setParticipantCookie(token: string): Promise<void> {
  (await cookies()).set(PARTICIPANT_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().BETTER_AUTH_URL?.startsWith("https://") ?? false,
    path: "/",
    maxAge: PARTICIPANT_COOKIE_SECONDS,
  });
}

/** The token this browser holds from joining a workshop, if any. */
export async function participantToken(): Promise<string | undefined> {
  return (await cookies()).get(PARTICIPANT_COOKIE)?.value;
}

/** The participant asking and their context, or undefined when there is no running workshop for their cookie. */
export async function participantContext(): Promise<{ participant: Participant; ctx: Ctx } | undefined> {
  const token = await participantToken();
  if (!token) return undefined;
  const { db } = await startUp();
  const participant = await participantByToken(db, token);
  if (!participant) return undefined;
  return {
    participant,
    ctx: { organisationId: participant.organisationId, actor: { kind: "participant", participantId: participant.participantId, name: participant.name }, db },
  };
}

/** Whether this browser took part in a workshop that has since ended. */
export async function tookPartInEndedWorkshop(): Promise<boolean> {
  const token = await participantToken();
  if (!token) return false;
  const { db } = await startUp();
  return tokenOfEndedWorkshop(db, token);
}
