"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { changePasswordSchema } from "@/lib/validation/account";
import { formAction } from "@/server/action";
import { getAuth } from "@/server/auth";

/** Changes the password and ends every other session of the account. */
export const changePasswordAction = formAction("signed-in", changePasswordSchema, async ({ currentPassword, newPassword }) => {
  const auth = await getAuth();
  try {
    await auth.api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers: await headers() });
  } catch (error) {
    if (isAPIError(error)) throw new AppError("invalid_input", "The current password is not right.", { currentPassword: ["The current password is not right."] });
    throw error;
  }
  // A fresh request, so the page is rendered with the new session the change just set.
  redirect("/account?password=changed");
});
