"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { createOrganisation } from "@/db/queries/organisations";
import { createOrganisationSchema } from "@/lib/validation/organisation";
import { formAction } from "@/server/action";
import { getAuth } from "@/server/auth";
import { startUp } from "@/server/start-up";

// Any signed-in person may create an organisation (a consultant may run several); they become its owner.
export const createOrganisationAction = formAction("signed-in", createOrganisationSchema, async ({ name }, { signedIn }) => {
  const { db } = await startUp();
  const organisation = await createOrganisation(db, name, signedIn.user.id);
  const auth = await getAuth();
  await auth.api.setActiveOrganization({ body: { organizationId: organisation.id }, headers: await headers() });
  redirect("/teams");
});
