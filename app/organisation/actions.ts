"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { removeLogo, renameOrganisation, setLogo } from "@/db/queries/organisation-branding";
import { renameOrganisationSchema, uploadLogoSchema } from "@/lib/validation/organisation";
import { formAction } from "@/server/action";

// The whole app shows the organisation's name (header, switcher, reports), so every page is fresh after a change.

export const renameOrganisationAction = formAction("member", renameOrganisationSchema, async ({ name }, { ctx }) => {
  await renameOrganisation(ctx, name);
  revalidatePath("/", "layout");
  return { name };
});

export const uploadLogoAction = formAction("member", uploadLogoSchema, async ({ logo }, { ctx }) => {
  await setLogo(ctx, new Uint8Array(await logo.arrayBuffer()));
  revalidatePath("/", "layout");
});

export const removeLogoAction = formAction("member", z.object({}), async (_input, { ctx }) => {
  await removeLogo(ctx);
  revalidatePath("/", "layout");
});
