import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { dashboardSchema } from "@/lib/contracts/dashboard";
import { modelListSchema, modelVersionSchema } from "@/lib/contracts/models";
import { workshopReportSchema } from "@/lib/contracts/workshop";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { drivers, expectAppError, useTestDatabase, withContentId } from "@/db/test-db";
import { saveAnswer } from "@/db/queries/answers";
import { startAssessment, submitAssessment } from "@/db/queries/assessments";
import { createGroup, setTeamGroup } from "@/db/queries/groups";
import { syncModelVersions } from "@/db/queries/model-versions";
import { createTeam } from "@/db/queries/teams";
import { castVote, joinWorkshop } from "@/db/queries/workshop-votes";
import { openWorkshop, recordConsensus, reveal } from "@/db/queries/workshops";
import { dashboardView, parseDashboardQuery } from "./dashboard";
import { modelLibraryView, modelVersionResource, modelView } from "./models";
import { workshopReportView } from "./workshop-report";

const [model] = withContentId("views-test", [
  testModel({
    areas: [
      { id: "build", questions: 1 },
      { id: "run", questions: 1 },
    ],
  }),
]) as [Model];

/** Every value JSON carries unchanged: no Date, Map or Set anywhere inside. */
function expectJsonSafe(value: unknown) {
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
}

describe.each(drivers)("organisation views on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [model]);
  });

  async function assessed(org: string, name: string, build: number, run: number, groupId?: string) {
    const ctx = t.ctx(org);
    const team = await createTeam(ctx, name);
    if (groupId) await setTeamGroup(ctx, team.id, groupId);
    const id = await startAssessment(ctx, team.id, model.id);
    await saveAnswer(ctx, { assessmentId: id, questionId: "build-q1", answer: level(build), note: null });
    await saveAnswer(ctx, { assessmentId: id, questionId: "run-q1", answer: level(run), note: null });
    await submitAssessment(ctx, id);
    return team.id;
  }

  it("the dashboard is JSON-safe, its resource matches the contract, and a small group's figures are withheld from a viewer outside it", async () => {
    const org = await t.organisation();
    const labs = await createGroup(t.ctx(org), { name: "Labs", parentId: null });
    await assessed(org, "Alpha", 2, 3);
    await assessed(org, "Bravo", 4, 1);
    await assessed(org, "Charlie", 3, 3);
    await assessed(org, "Lab rat", 1, 5, labs.id);
    const viewer = t.as(org, await t.member(org, "viewer"), "viewer");

    const whole = await dashboardView(viewer, parseDashboardQuery({ model: model.id }));
    expectJsonSafe(whole);
    const resource = dashboardSchema.parse(whole.dashboard);
    expect(resource).toMatchObject({ group: null, model: { modelId: model.id, modelVersion: model.version }, teams: 4, assessedTeams: 4, withheld: false });
    expect(resource.quarters.at(-1)).toMatchObject({ teams: 4, withheld: false, weakestStaves: { build: 3, run: 2 } });
    expect(resource.quarters.at(-1)!.quarter).toMatch(/^\d{4}-Q[1-4]$/);

    const small = (await dashboardView(viewer, parseDashboardQuery({ model: model.id, group: labs.id }))).dashboard;
    expect(dashboardSchema.parse(small)).toMatchObject({ group: { id: labs.id, name: "Labs" }, assessedTeams: 1, withheld: true });
    expect(small.quarters.every((q) => q.waterLevel === null && Object.keys(q.weakestStaves).length === 0)).toBe(true);

    await expectAppError(dashboardView(t.ctx(await t.organisation()), parseDashboardQuery({ model: model.id, group: labs.id })), "not_found");
  });

  it("the model library and one version match their contracts; a version that does not exist is not found", async () => {
    const org = await t.organisation();
    const ctx = t.as(org, await t.member(org, "viewer"), "viewer");
    const library = await modelLibraryView(ctx);
    expectJsonSafe(library);
    const list = modelListSchema.parse({ models: library.models });
    expect(list.models.find((m) => m.modelId === model.id)?.versions[0]).toMatchObject({ version: model.version, areas: 2, questions: 2, changes: null });

    const version = modelVersionSchema.parse(await modelVersionResource(ctx, model.id, model.version));
    expect(version.definition.areas.map((a) => a.id)).toEqual(["build", "run"]);
    expectJsonSafe((await modelView(ctx, model.id)).model);
    await expectAppError(modelVersionResource(ctx, model.id, "9.9.9"), "not_found");
    await expectAppError(modelVersionResource(ctx, "no-such-model", model.version), "not_found");
  });

  it("a workshop's report matches its contract, for the team while the assessment is a draft", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const assessmentId = await startAssessment(t.ctx(org), team.id, model.id);
    const facilitator = t.as(org, await t.member(org, "facilitator"), "facilitator");
    const workshop = await openWorkshop(facilitator, { assessmentId, anonymity: "named", autoReveal: false });
    for (const [name, lvl] of [
      ["Ana", 2],
      ["Bo", 4],
    ] as const) {
      const p = await joinWorkshop(t.handle.db, { joinCode: workshop.joinCode, name });
      const actor: Actor = { kind: "participant", participantId: p.participantId, name };
      await castVote(t.ctx(org, actor), { questionId: "build-q1", round: 1, vote: { kind: "level", level: lvl } });
    }
    await reveal(facilitator, workshop.id);
    await recordConsensus(facilitator, { workshopId: workshop.id, questionId: "build-q1", answer: { kind: "level", level: 3 }, note: "We release weekly." });

    const report = workshopReportSchema.parse((await workshopReportView(facilitator, workshop.id)).report);
    expect(report.questions).toHaveLength(1);
    expect(report.questions[0]).toMatchObject({ title: expect.any(String), consensus: { kind: "level", level: 3 }, tally: { total: 2 } });
    expect(report.questions[0]!.votes?.map((v) => v.name).sort()).toEqual(["Ana", "Bo"]);
    await expectAppError(workshopReportView(t.ctx(await t.organisation()), workshop.id), "not_found");
    await expectAppError(workshopReportView(facilitator, "not-a-uuid"), "not_found");
    // A draft's workshop is the team's until the assessment is submitted.
    await expectAppError(workshopReportView(t.as(org, await t.member(org, "viewer"), "viewer"), workshop.id), "forbidden");
  });
});
