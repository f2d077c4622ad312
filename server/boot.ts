import { loadModels } from "@/content/load-models";
import { getDbHandle } from "@/db/client";
import { syncModelVersions } from "@/db/queries/model-versions";
import { env } from "@/lib/env";

type Booted = { driver: "pglite" | "postgres" };
const shared = ((globalThis as { __staveBoot?: { ready?: Promise<Booted> } }).__staveBoot ??= {});

/**
 * Opens the database (applying migrations) and records the maturity models. Runs once per
 * process; a broken model file or a busy data folder stops here with a message saying why.
 */
export function boot(): Promise<Booted> {
  shared.ready ??= (async () => {
    const models = loadModels(env().STAVE_MODELS_DIR);
    const handle = await getDbHandle();
    const drifted = await syncModelVersions(models);
    for (const key of drifted) {
      console.warn(`Model ${key} differs from the copy stored when it was first loaded; bump its version to publish changes.`);
    }
    return { driver: handle.driver };
  })().catch((error) => {
    shared.ready = undefined;
    throw error;
  });
  return shared.ready;
}
