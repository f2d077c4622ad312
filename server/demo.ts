import "server-only";
import { getDb } from "@/db/client";
import { getLatestModelVersion } from "@/db/queries/model-versions";
import { OrganisationExistsError, seedDemoOrganisation } from "@/db/seed/demo";

export const DEMO_MODEL_ID = "devops-core";

/** Seeds the demo organisation as the installation's first; false when one exists already. */
export async function createDemoOrganisation(): Promise<boolean> {
  const model = await getLatestModelVersion(DEMO_MODEL_ID);
  if (!model) throw new Error(`The ${DEMO_MODEL_ID} model is not loaded.`);
  try {
    await seedDemoOrganisation(await getDb(), model);
    return true;
  } catch (error) {
    if (error instanceof OrganisationExistsError) return false;
    throw error;
  }
}
