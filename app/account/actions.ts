"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { setNotificationChoices } from "@/db/queries/notification-choices";
import { changePasswordSchema } from "@/lib/validation/account";
import { saveNotificationChoicesSchema } from "@/lib/validation/notifications";
import { formAction } from "@/server/action";
import { getAuth } from "@/server/auth";
import { callAuth } from "@/server/auth-errors";
import { startUp } from "@/server/start-up";

/** Changes the password and ends every other session of the account. */
export const changePasswordAction = formAction("signed-in", changePasswordSchema, async ({ currentPassword, newPassword }) => {
  const auth = await getAuth();
  const requestHeaders = await headers();
  await callAuth("change-password", () =>
    auth.api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers: requestHeaders }),
  );
  // A fresh request, so the page is rendered with the new session the change just set.
  redirect("/account?password=changed");
});

/** Stores which reminders the person gets: each kind the form showed is on when ticked, off otherwise. */
export const saveNotificationChoicesAction = formAction("signed-in", saveNotificationChoicesSchema, async ({ offered, on }, { signedIn }) => {
  const choices = Object.fromEntries(offered.map((kind) => [kind, on.includes(kind)]));
  await setNotificationChoices((await startUp()).db, signedIn.user.id, choices);
  revalidatePath("/account");
  return { saved: true };
});
