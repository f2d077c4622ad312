import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { changesText, modelChanges } from "@/lib/model/changes";
import type { Model } from "@/lib/model/schema";
import { compareVersions } from "@/lib/model/version";
import type { Ctx } from "../context";
import { assessments, modelVersions, teams } from "../schema";
import { requirePermission } from "./access";
import { getModelVersion, visibleTo } from "./model-versions";

// The model library: every model the organisation may use, shipped or its
// own, with its versions, what changed between them and which teams use it. Every role reads it.

export type LibraryVersion = {
  id: string;
  version: string;
  publishedAt: Date;
  areas: number;
  questions: number;
  /** Against the version before it; null for the first. */
  changes: string | null;
};

export type LibraryModel = {
  modelId: string;
  name: string;
  description: string | null;
  /** Shipped with Stave (everyone's) rather than published by this organisation. */
  shipped: boolean;
  /** Newest first. */
  versions: LibraryVersion[];
  teams: { id: string; name: string }[];
};

export async function listModelLibrary(ctx: Ctx): Promise<LibraryModel[]> {
  return libraryOf(ctx);
}

/** One model of the library with every version's text; undefined when the organisation does not see it. */
export async function getLibraryModel(ctx: Ctx, modelId: string): Promise<(LibraryModel & { definitions: Map<string, Model> }) | undefined> {
  const [found] = await libraryOf(ctx, modelId);
  if (!found) return undefined;
  const definitions = new Map<string, Model>();
  for (const v of found.versions) definitions.set(v.id, (await getModelVersion(ctx.db, v.id))!);
  return { ...found, definitions };
}

async function libraryOf(ctx: Ctx, onlyModelId?: string): Promise<LibraryModel[]> {
  requirePermission(ctx, "results.read");
  const only = onlyModelId === undefined ? undefined : eq(modelVersions.modelId, onlyModelId);
  const [rows, usage] = await Promise.all([
    ctx.db
      .select({
        id: modelVersions.id,
        modelId: modelVersions.modelId,
        version: modelVersions.version,
        organisationId: modelVersions.organisationId,
        createdAt: modelVersions.createdAt,
      })
      .from(modelVersions)
      .where(and(visibleTo(ctx.organisationId), only)),
    ctx.db
      .selectDistinct({ modelId: modelVersions.modelId, teamId: teams.id, teamName: teams.name })
      .from(assessments)
      .innerJoin(teams, eq(teams.id, assessments.teamId))
      .innerJoin(modelVersions, eq(modelVersions.id, assessments.modelVersionId))
      .where(and(eq(assessments.organisationId, ctx.organisationId), isNull(teams.archivedAt), only)),
  ]);
  const byModel = new Map<string, typeof rows>();
  for (const row of rows) byModel.set(row.modelId, [...(byModel.get(row.modelId) ?? []), row]);
  const library: LibraryModel[] = [];
  for (const [modelId, versions] of byModel) {
    const ordered = [...versions].sort((a, b) => compareVersions(a.version, b.version));
    const models = await Promise.all(ordered.map((v) => getModelVersion(ctx.db, v.id)));
    const newest = models.at(-1)!;
    library.push({
      modelId,
      name: newest.name,
      description: newest.description ?? null,
      shipped: ordered.every((v) => v.organisationId === null),
      versions: ordered
        .map((v, i) => ({
          id: v.id,
          version: v.version,
          publishedAt: v.createdAt,
          areas: models[i]!.areas.length,
          questions: models[i]!.areas.reduce((n, a) => n + a.questions.length, 0),
          changes: i === 0 ? null : changesText(modelChanges(models[i - 1]!, models[i]!)),
        }))
        .reverse(),
      teams: usage
        .filter((u) => u.modelId === modelId)
        .map((u) => ({ id: u.teamId, name: u.teamName }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    });
  }
  // The shipped models first, then the organisation's own, each by name.
  return library.sort((a, b) => Number(b.shipped) - Number(a.shipped) || a.name.localeCompare(b.name));
}
