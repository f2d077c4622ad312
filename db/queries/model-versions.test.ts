import path from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadModels } from "@/content/load-models";
import type { Model } from "@/lib/model/schema";
import { testModel } from "@/lib/test-models";
import { modelVersions } from "../schema";
import { drivers, useTestDatabase, withContentId } from "../test-db";
import { getLatestModelVersion, getLatestShippedModelVersion, getModelVersion, listLatestModels, syncModelVersions } from "./model-versions";

const [v1, v2] = withContentId("model-versions-test", [
  testModel({ version: "1.0.0", areas: [{ id: "a", questions: 1 }] }),
  testModel({ version: "2.0.0", name: "Test model two", areas: [{ id: "a", questions: 2 }] }),
]) as [Model, Model];
const shipped = loadModels(path.join(process.cwd(), "content", "models"));

describe.each(drivers)("model versions on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  it("records each version once and keeps the newest as the latest", async () => {
    await syncModelVersions(t.handle.db, [v1]);
    await syncModelVersions(t.handle.db, [v2]);
    await syncModelVersions(t.handle.db, [v1, v2]);

    const rows = await t.handle.db.select().from(modelVersions).where(eq(modelVersions.modelId, v1.id));
    expect(rows.map((r) => r.version).sort()).toEqual(["1.0.0", "2.0.0"]);
    const latest = await getLatestShippedModelVersion(t.handle.db, v1.id);
    expect(latest!.model.version).toBe("2.0.0");
    expect(await getModelVersion(t.handle.db, latest!.id)).toEqual(v2);
    const ctx = t.ctx(await t.organisation());
    expect(await getLatestModelVersion(ctx, v1.id)).toEqual(latest);
    expect(await listLatestModels(ctx)).toContainEqual({ id: latest!.id, modelId: v1.id, name: "Test model two", version: "2.0.0" });
  });

  it("reports no drift when unchanged models are synced again", async () => {
    await syncModelVersions(t.handle.db, shipped);

    // The stored jsonb lists keys in another order than the file; that is not a change.
    expect(await syncModelVersions(t.handle.db, shipped)).toEqual([]);
    expect(await syncModelVersions(t.handle.db, [v1])).toEqual([]);
  });

  it("reports a version whose definition differs from the stored one", async () => {
    await syncModelVersions(t.handle.db, [v1]);
    const edited: Model = { ...v1, name: "Renamed without a version bump" };

    expect(await syncModelVersions(t.handle.db, [edited])).toEqual([`${v1.id}@1.0.0`]);
    // The stored definition is kept: assessments keep the questions they were answered against.
    const [row] = await t.handle.db
      .select({ name: modelVersions.name, definition: modelVersions.definition })
      .from(modelVersions)
      .where(and(eq(modelVersions.modelId, v1.id), eq(modelVersions.version, "1.0.0")));
    expect(row).toEqual({ name: "Test model", definition: v1 });
  });
});
