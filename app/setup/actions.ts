"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createFirstOrganisation } from "@/db/queries/organisations";
import { createOrganisationSchema } from "@/lib/validation/organisation";
import { failure, parseInput, type ActionResult } from "@/server/action";
import { boot } from "@/server/boot";
import { createDemoOrganisation } from "@/server/demo";

// Set-up runs before any organisation exists, so it cannot use the organisation-scoped wrapper;
// both actions only ever create the first organisation and refuse once there is one.
const alreadySetUp: ActionResult = { ok: false, error: "Stave is already set up. Open the home page." };

export async function setUpOrganisation(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = parseInput(createOrganisationSchema, Object.fromEntries(formData));
  if (!parsed.ok) return parsed;
  try {
    await boot();
    if (!(await createFirstOrganisation(parsed.data.name))) return alreadySetUp;
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/", "layout");
  redirect("/teams");
}

export async function setUpDemo(_previous: ActionResult | null): Promise<ActionResult> {
  try {
    await boot();
    if (!(await createDemoOrganisation())) return alreadySetUp;
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/", "layout");
  redirect("/teams");
}
