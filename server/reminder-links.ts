import "server-only";
import type { ReminderLinks } from "@/db/queries/reminder-sweep";
import { unsubscribeToken } from "@/lib/unsubscribe-token";
import { sessionKeys } from "./auth";
import { configuredOrigin } from "./public-origin";

/** The links reminders carry: Stave's configured address, and unsubscribe tokens signed with the server's secret. */
export async function reminderLinks(): Promise<ReminderLinks> {
  const { secret } = await sessionKeys();
  const origin = configuredOrigin();
  return { origin, unsubscribe: (userId, kind) => `${origin}/unsubscribe/${unsubscribeToken(secret, userId, kind)}` };
}
