import { describe, expect, it } from "vitest";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { startAssessment, submitAssessment } from "./assessments";
import { saveAnswer } from "./answers";
import { listAuditEvents } from "./audit";
import { getLibraryModel, listModelLibrary } from "./model-library";
import { publishModel } from "./model-publish";
import { getLatestModelVersion, getLatestShippedModelVersion, listLatestModels, syncModelVersions } from "./model-versions";
import { listTeamScores } from "./scores";
import { createTeam } from "./teams";

const [shipped] = withContentId("library-shipped", [testModel({ areas: [{ id: "a", questions: 2 }] })]) as [Model];
const own = (version = "1.0.0", questions: string[] = ["run-q1", "run-q2"]): Model => ({
  ...testModel({ id: "acme-ops", name: "Acme Ops", version, areas: [{ id: "run", questions }] }),
});
const source = (m: Model) => JSON.stringify(m);

describe.each(drivers)("an organisation's own models on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [shipped]);
  });

  async function admin() {
    const org = await t.organisation();
    return { org, ctx: t.as(org, await t.member(org, "admin", "Ada Admin"), "admin") };
  }

  it("publishes a version for the organisation alone: another organisation never sees it", async () => {
    const { org, ctx } = await admin();
    const published = await publishModel(ctx, { model: own(), source: source(own()) });
    expect(published).toMatchObject({ modelId: "acme-ops", version: "1.0.0", created: true });
    const library = await listModelLibrary(t.ctx(org));
    expect(library.map((m) => [m.modelId, m.shipped])).toContainEqual(["acme-ops", false]);
    expect(library.find((m) => m.modelId === shipped.id)?.shipped).toBe(true);
    expect((await listAuditEvents(t.ctx(org))).map((e) => e.action)).toContain("model.published");

    const other = await t.organisation();
    expect((await listModelLibrary(t.ctx(other))).map((m) => m.modelId)).not.toContain("acme-ops");
    expect(await getLibraryModel(t.ctx(other), "acme-ops")).toBeUndefined();
    const team = await createTeam(t.ctx(other), "Search");
    await expectAppError(startAssessment(t.ctx(other), team.id, "acme-ops"), "invalid_input", /no model called/);
  });

  it("lists and finds an organisation's own model for that organisation only, with the shipped ones for everyone", async () => {
    const { org, ctx } = await admin();
    const published = await publishModel(ctx, { model: own(), source: source(own()) });
    const other = await t.organisation();
    expect((await listLatestModels(t.ctx(org))).map((m) => m.modelId)).toEqual(expect.arrayContaining(["acme-ops", shipped.id]));
    expect((await getLatestModelVersion(t.ctx(org), "acme-ops"))?.id).toBe(published.versionId);
    const others = (await listLatestModels(t.ctx(other))).map((m) => m.modelId);
    expect(others).toContain(shipped.id);
    expect(others).not.toContain("acme-ops");
    expect(await getLatestModelVersion(t.ctx(other), "acme-ops")).toBeUndefined();
    expect(await getLatestShippedModelVersion(t.handle.db, "acme-ops")).toBeUndefined();
  });

  it("never changes a published version: the same content again is accepted, other content refused; a new version is added", async () => {
    const { ctx } = await admin();
    const first = await publishModel(ctx, { model: own(), source: source(own()) });
    expect(await publishModel(ctx, { model: own(), source: "the same model, written differently" })).toEqual({ ...first, created: false });
    const changed = { ...own(), name: "Acme Operations" };
    await expectAppError(publishModel(ctx, { model: changed, source: source(changed) }), "conflict", /already published with other content.*such as 1\.0\.1/);
    const second = await publishModel(ctx, { model: own("1.1.0", ["run-q1", "run-q3"]), source: "v2" });
    expect(second.created).toBe(true);
    const found = (await getLibraryModel(ctx, "acme-ops"))!;
    expect(found.versions.map((v) => [v.version, v.changes])).toEqual([
      ["1.1.0", "1 question added, 1 question removed"],
      ["1.0.0", null],
    ]);
    expect(found.definitions.get(first.versionId)!.name).toBe("Acme Ops");
  });

  it("refuses a shipped model's id, and anyone but an owner or admin", async () => {
    const { org, ctx } = await admin();
    const taken = { ...own(), id: shipped.id };
    await expectAppError(publishModel(ctx, { model: taken, source: source(taken) }), "conflict", /shipped with Stave/);
    const member = t.as(org, await t.member(org, "facilitator"), "facilitator");
    await expectAppError(publishModel(member, { model: own(), source: source(own()) }), "forbidden", /owners and admins/);
  });

  it("keeps one trend for a team that moves to a new version, and lists the team as using the model", async () => {
    const { org, ctx } = await admin();
    await publishModel(ctx, { model: own(), source: "v1" });
    const team = await createTeam(t.ctx(org), "Payments");
    const answerAll = async (assessmentId: string, ids: string[]) => {
      for (const questionId of ids) await saveAnswer(t.ctx(org), { assessmentId, questionId, answer: level(3), note: null });
      await submitAssessment(t.ctx(org), assessmentId);
    };
    await answerAll(await startAssessment(t.ctx(org), team.id, "acme-ops"), ["run-q1", "run-q2"]);
    await publishModel(ctx, { model: own("1.1.0", ["run-q1", "run-q3"]), source: "v2" });
    // A new assessment takes the newest version.
    await answerAll(await startAssessment(t.ctx(org), team.id, "acme-ops"), ["run-q1", "run-q3"]);
    const scores = await listTeamScores(t.ctx(org), team.id);
    expect(scores.map((s) => [s.modelId, s.modelVersion])).toEqual([
      ["acme-ops", "1.0.0"],
      ["acme-ops", "1.1.0"],
    ]);
    expect((await getLibraryModel(t.ctx(org), "acme-ops"))!.teams).toEqual([{ id: team.id, name: "Payments" }]);
  });
});
