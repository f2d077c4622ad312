import "server-only";
import { and, eq, isNull, or, type SQL } from "drizzle-orm";
import type { Model } from "@/lib/model/schema";
import { newestVersion } from "@/lib/model/version";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { modelVersions } from "../schema";

// Model versions: the shipped ones belong to the installation, an organisation's own to it alone.
// Reads of the organisation's models take its context; the installation's (syncing the shipped
// models, a version by its id, the shipped models before any organisation exists) take the
// database. Publishing an organisation's own version is in model-publish.ts.

export type StoredModel = { id: string; model: Model };

// A stored model version never changes, so it is safe to keep in memory.
const byId = new Map<string, Model>();

/** Records each model version the first time it is seen; returns versions whose stored text differs. */
export async function syncModelVersions(db: Db, models: readonly Model[]): Promise<string[]> {
  const drifted: string[] = [];
  for (const model of models) {
    const [stored] = await db
      .insert(modelVersions)
      .values({ organisationId: null, modelId: model.id, version: model.version, name: model.name, definition: model })
      .onConflictDoNothing()
      .returning({ id: modelVersions.id });
    if (stored) continue;
    const [existing] = await db
      .select({ definition: modelVersions.definition })
      .from(modelVersions)
      .where(and(isNull(modelVersions.organisationId), eq(modelVersions.modelId, model.id), eq(modelVersions.version, model.version)));
    if (existing && canonicalJson(existing.definition) !== canonicalJson(model)) {
      drifted.push(`${model.id}@${model.version}`);
    }
  }
  return drifted;
}

/** JSON with object keys sorted: jsonb does not keep keys in the order they were written. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * A stored model version. Inside a transaction pass the transaction's handle: the embedded
 * database has one connection, so a query on the shared handle would wait for the open
 * transaction forever.
 */
export async function getModelVersion(db: Db, modelVersionId: string): Promise<Model | undefined> {
  const cached = byId.get(modelVersionId);
  if (cached) return cached;
  const [row] = await db.select({ definition: modelVersions.definition }).from(modelVersions).where(eq(modelVersions.id, modelVersionId));
  if (row) byId.set(modelVersionId, row.definition);
  return row?.definition;
}

/** The models an organisation sees: the shipped ones and its own. */
export const visibleTo = (organisationId: string) => or(isNull(modelVersions.organisationId), eq(modelVersions.organisationId, organisationId));

/** One version of a model that the organisation sees (shipped, or its own), by its row id, of the model `modelId`. */
export async function getVisibleModelVersion(ctx: Ctx, modelId: string, modelVersionId: string): Promise<StoredModel | undefined> {
  const [row] = await ctx.db
    .select({ id: modelVersions.id, model: modelVersions.definition })
    .from(modelVersions)
    .where(and(eq(modelVersions.id, modelVersionId), eq(modelVersions.modelId, modelId), visibleTo(ctx.organisationId)));
  return row;
}

/** The newest version of a model (the highest semantic version) that the organisation sees. */
export function getLatestModelVersion(ctx: Ctx, modelId: string): Promise<StoredModel | undefined> {
  return newestOf(ctx.db, and(eq(modelVersions.modelId, modelId), visibleTo(ctx.organisationId)));
}

/**
 * The newest shipped version of a model, for work done before there is an organisation to ask for
 * (the demo seed builds its organisation from it).
 */
export function getLatestShippedModelVersion(db: Db, modelId: string): Promise<StoredModel | undefined> {
  return newestOf(db, and(eq(modelVersions.modelId, modelId), isNull(modelVersions.organisationId)));
}

async function newestOf(db: Db, versions: SQL | undefined): Promise<StoredModel | undefined> {
  // Which version is newest can change; its text never does, so only the versions are asked for each time.
  const rows = await db.select({ id: modelVersions.id, version: modelVersions.version }).from(modelVersions).where(versions);
  const newest = newestVersion(rows);
  if (!newest) return undefined;
  const model = await getModelVersion(db, newest.id);
  return model && { id: newest.id, model };
}

/** Each model the organisation sees, at its newest version (`id`: that version's, for `getModelVersion`). */
export async function listLatestModels(ctx: Ctx): Promise<{ id: string; modelId: string; name: string; version: string }[]> {
  const rows = await ctx.db
    .select({ id: modelVersions.id, modelId: modelVersions.modelId, name: modelVersions.name, version: modelVersions.version })
    .from(modelVersions)
    .where(visibleTo(ctx.organisationId));
  const byModel = new Map<string, typeof rows>();
  for (const row of rows) byModel.set(row.modelId, [...(byModel.get(row.modelId) ?? []), row]);
  return [...byModel.values()].map((versions) => newestVersion(versions)!).sort((a, b) => a.modelId.localeCompare(b.modelId));
}
