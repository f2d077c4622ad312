"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { createOrganisation } from "@/db/queries/organisations";
import { createOrganisationSchema } from "@/lib/validation/organisation";
import { failure, keepValues, parseInput, type ActionResult } from "@/server/action";
import { getAuth } from "@/server/auth";
import { getSignedInUser } from "@/server/session";

// Any signed-in person may create an organisation (a consultant may run several); they become its owner.
export async function createOrganisationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return keepValues(await createOrganisationActionUnwrapped(formData), formData);
}

async function createOrganisationActionUnwrapped(formData: FormData): Promise<ActionResult> {
  const parsed = parseInput(createOrganisationSchema, Object.fromEntries(formData));
  if (!parsed.ok) return parsed;
  try {
    const signedIn = await getSignedInUser();
    if (!signedIn) return { ok: false, error: "Your session has ended. Sign in again to continue." };
    const organisation = await createOrganisation(parsed.data.name, signedIn.user.id);
    const auth = await getAuth();
    await auth.api.setActiveOrganization({ body: { organizationId: organisation.id }, headers: await headers() });
  } catch (error) {
    return failure(error);
  }
  redirect("/teams");
}
