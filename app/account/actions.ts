"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isAPIError } from "better-auth/api";
import { AppError } from "@/lib/errors";
import { changePasswordSchema } from "@/lib/validation/account";
import { action, type ActionResult } from "@/server/action";
import { getAuth } from "@/server/auth";

export async function signOutAction() {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect("/sign-in");
}

const switchSchema = z.object({ organisationId: z.uuid("Choose an organisation.") });

/** Makes another of the viewer's organisations the active one. */
export const switchOrganisationAction = action(switchSchema, async ({ organisationId }, { viewer }) => {
  if (!viewer.memberships.some((m) => m.organisationId === organisationId)) {
    throw new AppError("not_found", "That organisation was not found.");
  }
  const auth = await getAuth();
  await auth.api.setActiveOrganization({ body: { organizationId: organisationId }, headers: await headers() });
  redirect("/teams");
});

/** Changes the password and ends every other session of the account. */
const changePassword = action(changePasswordSchema, async ({ currentPassword, newPassword }) => {
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

export async function changePasswordAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return changePassword(Object.fromEntries(formData));
}
