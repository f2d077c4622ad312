"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { acceptInvitation } from "@/db/queries/invitations";
import { acceptInvitationSchema } from "@/lib/validation/members";
import { failure, parseInput, type ActionResult } from "@/server/action";
import { getAuth } from "@/server/auth";
import { getSignedInUser } from "@/server/session";

// Joining needs a signed-in account but no membership yet: the invitation is the permission.
export async function acceptInvitationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = parseInput(acceptInvitationSchema, Object.fromEntries(formData));
  if (!parsed.ok) return parsed;
  try {
    const signedIn = await getSignedInUser();
    if (!signedIn) return { ok: false, error: "Sign in first, then open the invitation link again." };
    const joined = await acceptInvitation(parsed.data.token, signedIn.user.id);
    const auth = await getAuth();
    await auth.api.setActiveOrganization({ body: { organizationId: joined.organisationId }, headers: await headers() });
  } catch (error) {
    return failure(error);
  }
  redirect("/teams");
}
