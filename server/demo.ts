import "server-only";
import { getDb } from "@/db/client";
import { getLatestModelVersion } from "@/db/queries/model-versions";
import { OrganisationExistsError, seedDemoOrganisation } from "@/db/seed/demo";
import type { DemoSignIn } from "@/db/seed/demo-users";
import { CORE_MODEL_ID } from "@/lib/model/core";

/** Seeds the demo organisation as the installation's first; undefined when one exists already. */
export async function createDemoOrganisation(): Promise<DemoSignIn[] | undefined> {
  const model = await getLatestModelVersion(CORE_MODEL_ID);
  if (!model) throw new Error(`The ${CORE_MODEL_ID} model is not loaded.`);
  try {
    return (await seedDemoOrganisation(await getDb(), model)).signIns;
  } catch (error) {
    if (error instanceof OrganisationExistsError) return undefined;
    throw error;
  }
}
