"use server";

import { z } from "zod";
import { AppError } from "@/lib/errors";
import { formAction } from "@/server/action";
import { setReminderByLink } from "@/server/unsubscribe";

/** Undoes the stop the link made (a mail scanner may have opened it, or a change of mind). */
export const resumeReminderAction = formAction("anyone", z.object({ token: z.string().min(1).max(300) }), async ({ token }) => {
  const resumed = await setReminderByLink(token, true);
  if (!resumed) throw new AppError("invalid_input", "This link is not valid any more.");
  return { label: resumed.label };
});
