import type { DbHandle } from "@/db/client";
import { getLatestShippedModelVersion } from "@/db/queries/model-versions";
import { DEMO_ORGANISATION_NAME, seedDemoOrganisation } from "@/db/seed/demo";
import { DEMO_PASSWORD } from "@/lib/demo";
import { env } from "@/lib/env";
import { CORE_MODEL_ID } from "@/lib/model/core";
import { startUp } from "@/server/start-up";

/** npm run seed:demo — fills an empty installation with a demo organisation to explore. */
async function main() {
  let handle: DbHandle | undefined;
  try {
    handle = await startUp();
    const model = await getLatestShippedModelVersion(handle.db, CORE_MODEL_ID);
    if (!model) throw new Error(`The ${CORE_MODEL_ID} model is not in ${env().STAVE_MODELS_DIR}.`);
    const result = await seedDemoOrganisation(handle.db, model);
    console.log(`${DEMO_ORGANISATION_NAME}: ${result.teams} teams, ${result.assessments} assessments.`);
    console.log(`Demo sign-ins, all with the password "${DEMO_PASSWORD}" (or one click each on the sign-in page):`);
    for (const s of result.signIns) console.log(`  ${s.role.padEnd(12)} ${s.email}${s.team ? `  (team ${s.team})` : ""}`);
    console.log(`Start Stave with npm start and open http://localhost:${env().PORT}`);
  } catch (error) {
    // Expected refusals (an organisation exists, the data folder is busy) explain themselves.
    console.error(`Could not add the demo data: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await handle?.close();
  }
}

void main();
