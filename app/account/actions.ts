"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { changePasswordSchema } from "@/lib/validation/account";
import { formAction } from "@/server/action";
import { getAuth } from "@/server/auth";
import { callAuth } from "@/server/auth-errors";

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
