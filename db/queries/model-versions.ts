import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Model } from "@/lib/model/schema";
import type { DbOrTx } from "../client";
import { modelVersions } from "../schema";

// Model versions belong to the installation, not to an organisation: these take the database only.

export type StoredModel = { id: string; model: Model };

// A stored model version never changes, so it is safe to keep in memory.
const byId = new Map<string, Model>();

/** Records each model version the first time it is seen; returns versions whose stored text differs. */
export async function syncModelVersions(db: DbOrTx, models: readonly Model[]): Promise<string[]> {
  const drifted: string[] = [];
  for (const model of models) {
    const [stored] = await db
      .insert(modelVersions)
      .values({ modelId: model.id, version: model.version, name: model.name, definition: model })
      .onConflictDoNothing()
      .returning({ id: modelVersions.id });
    if (stored) continue;
    const [existing] = await db
      .select({ definition: modelVersions.definition })
      .from(modelVersions)
      .where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, model.version)));
    if (existing && canonicalJson(existing.definition) !== canonicalJson(model)) {
      drifted.push(`${model.id}@${model.version}`);
    }
  }
  return drifted;
}

/** JSON with object keys sorted: jsonb does not keep keys in the order they were written. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * A stored model version. Inside a transaction pass its `tx`: PGlite has one connection, so a query
 * on the shared handle would wait for the open transaction forever.
 */
export async function getModelVersion(db: DbOrTx, modelVersionId: string): Promise<Model | undefined> {
  const cached = byId.get(modelVersionId);
  if (cached) return cached;
  const [row] = await db
    .select({ definition: modelVersions.definition })
    .from(modelVersions)
    .where(eq(modelVersions.id, modelVersionId));
  if (row) byId.set(modelVersionId, row.definition);
  return row?.definition;
}

/** The newest stored version of a model (by the time it was first loaded). */
export async function getLatestModelVersion(db: DbOrTx, modelId: string): Promise<StoredModel | undefined> {
  // Which version is newest can change; its text never does, so only the id is asked for each time.
  const [row] = await db
    .select({ id: modelVersions.id })
    .from(modelVersions)
    .where(eq(modelVersions.modelId, modelId))
    .orderBy(desc(modelVersions.createdAt))
    .limit(1);
  if (!row) return undefined;
  const model = await getModelVersion(db, row.id);
  return model && { id: row.id, model };
}

export async function listLatestModels(db: DbOrTx): Promise<{ modelId: string; name: string; version: string }[]> {
  return db
    .selectDistinctOn([modelVersions.modelId], {
      modelId: modelVersions.modelId,
      name: modelVersions.name,
      version: modelVersions.version,
    })
    .from(modelVersions)
    .orderBy(modelVersions.modelId, desc(modelVersions.createdAt));
}
