import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Model } from "@/lib/model/schema";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { modelVersions } from "../schema";
import { requirePermission } from "./access";
import { recordAudit } from "./audit";
import { canonicalJson } from "./model-versions";
import { isUniqueViolation } from "./pg-errors";

// Publishing an organisation's own model version. A version never changes once published: the
// same id with a new version number adds a version; the same id and version again is accepted
// only with the very same content (publishing twice changes nothing).

export type Published = { versionId: string; modelId: string; version: string; created: boolean };

/** Publishes a validated model (and the text it was read from) as the organisation's. */
export async function publishModel(ctx: Ctx, input: { model: Model; source: string }): Promise<Published> {
  requirePermission(ctx, "models.publish");
  const { model, source } = input;
  const publishedBy = ctx.actor.kind === "member" ? ctx.actor.userId : null;
  const attempt = () =>
    withTransaction(ctx, async (ctx) => {
      const [shipped] = await ctx.db
        .select({ id: modelVersions.id })
        .from(modelVersions)
        .where(and(isNull(modelVersions.organisationId), eq(modelVersions.modelId, model.id)))
        .limit(1);
      if (shipped) throw new AppError("conflict", `“${model.id}” is the id of a model shipped with Stave. Give your model an id of its own.`);
      const [existing] = await ctx.db
        .select({ id: modelVersions.id, definition: modelVersions.definition })
        .from(modelVersions)
        .where(and(eq(modelVersions.organisationId, ctx.organisationId), eq(modelVersions.modelId, model.id), eq(modelVersions.version, model.version)));
      if (existing) {
        if (canonicalJson(existing.definition) === canonicalJson(model))
          return { versionId: existing.id, modelId: model.id, version: model.version, created: false };
        throw new AppError(
          "conflict",
          `Version ${model.version} of “${model.id}” is already published with other content, and a published version never changes. Publish your changes as a new version, such as ${nextPatch(model.version)}.`,
        );
      }
      const [row] = await ctx.db
        .insert(modelVersions)
        .values({ organisationId: ctx.organisationId, modelId: model.id, version: model.version, name: model.name, definition: model, source, publishedBy })
        .returning({ id: modelVersions.id });
      await recordAudit(ctx, {
        action: "model.published",
        summary: `Published the model ${model.name} ${model.version}`,
        detail: { modelId: model.id, version: model.version },
      });
      return { versionId: row!.id, modelId: model.id, version: model.version, created: true };
    });
  // Two admins publishing the same version at once: the second sees the first's and is judged against it.
  return attempt().catch((error: unknown) => (isUniqueViolation(error) ? attempt() : Promise.reject(error)));
}

const nextPatch = (version: string) => version.replace(/(\d+)$/, (n) => String(Number(n) + 1));
