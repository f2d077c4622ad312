"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { equivalentPath } from "@/lib/organisation-path";
import { action } from "./action";
import { getAuth } from "./auth";

// The header's forms (sign out, switch organisation) live here: shared components may import
// server actions, but nothing else from the server.

export async function signOutAction() {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect("/sign-in");
}

const switchSchema = z.object({ organisationId: z.uuid("Choose an organisation."), path: z.string().max(2000).optional() });

/** Makes another of the signed-in person's organisations the active one, staying on the page they were on where it exists there. */
export const switchOrganisationAction = action("signed-in", switchSchema, async ({ organisationId, path }, { signedIn }) => {
  const membership = signedIn.memberships.find((m) => m.organisationId === organisationId);
  if (!membership) throw new AppError("not_found", "That organisation was not found.");
  const auth = await getAuth();
  await auth.api.setActiveOrganization({ body: { organizationId: organisationId }, headers: await headers() });
  redirect(equivalentPath(path, membership.role));
});
