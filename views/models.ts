import "server-only";
import type { Ctx } from "@/db/context";
import { getLibraryModel, listModelLibrary, type LibraryModel } from "@/db/queries/model-library";
import type { ModelSummary, ModelVersionResource } from "@/lib/contracts/models";
import { notFoundError } from "@/lib/errors";
import { modelChanges, type ModelChanges } from "@/lib/model/changes";
import type { Model } from "@/lib/model/schema";

type Version = Omit<LibraryModel["versions"][number], "publishedAt"> & { publishedAt: string };
/** A model of the library, with the teams that use it. */
export type LibraryEntry = Omit<LibraryModel, "versions"> & { versions: Version[] };

const entry = (m: LibraryModel): LibraryEntry => ({ ...m, versions: m.versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })) });

/** Every model the organisation may assess with, its versions newest first; the page also shows who uses each. */
export async function modelLibraryView(ctx: Ctx): Promise<{ models: ModelSummary[]; screen: LibraryEntry[] }> {
  const screen = (await listModelLibrary(ctx)).map(entry);
  return { models: screen.map(modelSummary), screen };
}

export type ModelView = {
  model: LibraryEntry;
  /** The version shown (the newest unless another was asked for) and its text. */
  shown: Version;
  definition: Model;
  /** The version before the one shown and what changed since, when there is one. */
  before: { version: string; changes: ModelChanges } | undefined;
};

/** One model with one version's text: the newest, or the version asked for. */
export async function modelView(ctx: Ctx, modelId: string, version?: string): Promise<ModelView> {
  const found = await getLibraryModel(ctx, modelId);
  if (!found) throw notFoundError("The model");
  const index = Math.max(
    0,
    found.versions.findIndex((v) => v.version === version),
  );
  const shown = found.versions[index]!;
  const definition = found.definitions.get(shown.id)!;
  const earlier = found.versions[index + 1];
  const { definitions: _, ...model } = found;
  return {
    model: entry(model),
    shown: { ...shown, publishedAt: shown.publishedAt.toISOString() },
    definition,
    before: earlier && { version: earlier.version, changes: modelChanges(found.definitions.get(earlier.id)!, definition) },
  };
}

/** A model as it leaves Stave: no team names, no internal ids. */
const modelSummary = (m: LibraryEntry): ModelSummary => ({
  modelId: m.modelId,
  name: m.name,
  description: m.description,
  shipped: m.shipped,
  versions: m.versions.map(({ version, publishedAt, areas, questions, changes }) => ({ version, publishedAt, areas, questions, changes })),
});

/** One version exactly, for the API: a version that does not exist is not found (never the newest instead). */
export async function modelVersionResource(ctx: Ctx, modelId: string, version: string): Promise<ModelVersionResource> {
  const view = await modelView(ctx, modelId, version);
  if (view.shown.version !== version) throw notFoundError("That version of the model");
  return { modelId, version, publishedAt: view.shown.publishedAt, definition: view.definition };
}
