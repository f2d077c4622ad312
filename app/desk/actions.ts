"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { localPath, SWITCH_FALLBACK } from "@/lib/organisation-path";
import { formAction } from "@/server/action";
import { getAuth } from "@/server/auth";

const openSchema = z.object({ organisation: z.uuid("Choose an organisation."), to: z.string().max(2000).optional() });

/**
 * A link from the desk into one of the person's other organisations, sent as a form: makes it the
 * active one, then opens the page asked for there (only a path of Stave's own). A POST, so neither
 * a link from another site nor a prefetch switches anything (server actions refuse other origins);
 * it only ever switches between the person's own organisations.
 */
export const openInOrganisationAction = formAction("signed-in", openSchema, async ({ organisation, to }, { signedIn }) => {
  if (!signedIn.memberships.some((m) => m.organisationId === organisation)) throw new AppError("not_found", "You are no longer in that organisation.");
  const auth = await getAuth();
  await auth.api.setActiveOrganization({ body: { organizationId: organisation }, headers: await headers() });
  redirect(localPath(to) ?? SWITCH_FALLBACK);
});
