"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { acceptInvitation } from "@/db/queries/invitations";
import { acceptInvitationSchema } from "@/lib/validation/members";
import { formAction } from "@/server/action";
import { getAuth } from "@/server/auth";
import { startUp } from "@/server/start-up";

// Joining needs a signed-in account but no membership yet: the invitation is the permission.
export const acceptInvitationAction = formAction("signed-in", acceptInvitationSchema, async ({ token }, { signedIn }) => {
  const { db } = await startUp();
  const joined = await acceptInvitation(db, token, signedIn.user.id);
  const auth = await getAuth();
  await auth.api.setActiveOrganization({ body: { organizationId: joined.organisationId }, headers: await headers() });
  redirect("/teams");
});
