import { describe, expect, it } from "vitest";
import { drivers, expectAppError, useTestDatabase, withContentId } from "@/db/test-db";
import { syncModelVersions } from "@/db/queries/model-versions";
import { historySchema } from "@/lib/contracts/history";
import type { Model } from "@/lib/model/schema";
import { level } from "@/lib/test-models";
import { historyFileName, historyView } from "./history";
import { historyFixture, historyTestModel } from "./history-test-data";

const [model] = withContentId("history-export-test", [historyTestModel("history-export-test")]) as [Model];

describe.each(drivers)("history export on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [model]);
  });

  it("exports the organisation's groups, teams, submitted assessments with their model, answers, targets, actions and notes", async () => {
    const f = await historyFixture(t, model);
    const admin = await t.member(f.org, "admin");
    const history = await historyView(t.as(f.org, admin, "admin"), { kind: "organisation" });

    expect(historySchema.parse(JSON.parse(JSON.stringify(history)))).toEqual(history);
    expect(history.groups).toEqual([{ id: f.platform, name: "Platform", parentId: null }]);
    expect(history.teams.map((team) => [team.name, team.groupId, team.cadence, team.archived])).toEqual([
      ["Payments", f.platform, "monthly", false],
      ["Search", null, "quarterly", true],
    ]);
    expect(history.teams[0]!.members).toEqual([{ name: "Lead", email: expect.stringContaining("@test.example") }]);
    expect(history.modelVersions).toEqual([expect.objectContaining({ modelId: model.id, version: model.version, shipped: true, definition: model })]);
    expect(history.assessments.map((a) => a.id)).toEqual(f.assessments);
    const [, second, own, third] = history.assessments;
    expect(second!.answers).toEqual([
      { questionId: "build-q1", answer: { kind: "level", level: 4 }, note: null },
      { questionId: "build-q2", answer: { kind: "not_applicable", reason: "No builds" }, note: null },
      { questionId: "run-q1", answer: { kind: "level", level: 2 }, note: "On call is new" },
    ]);
    expect(second!.score).toEqual({
      waterLevel: 2,
      weakest: ["run"],
      spill: expect.any(Number),
      areas: [
        { areaId: "build", score: 4 },
        { areaId: "run", score: 2 },
      ],
    });
    expect(second!.target).toEqual(expect.objectContaining({ areaId: "run", fromScore: 2, level: 3 }));
    expect(second!.actions.map((a) => [a.title, a.owner, a.status, a.areaId, a.questionId])).toEqual([
      ["Page the team", { member: { name: "Lead", email: history.teams[0]!.members[0]!.email } }, "in_progress", "run", "run-q1"],
      ["Runbooks", { text: "Sam" }, "planned", "run", null],
    ]);
    expect(third!.teamId).toBe(f.search);
    expect(own!.respondents).toBe("named");
    expect(own!.respondentAnswers).toEqual([
      {
        questionId: "build-q1",
        answer: { kind: "level", level: 3 },
        note: "My view",
        respondent: { name: "Respondent", email: expect.stringContaining("@test.example") },
      },
      { questionId: "build-q2", answer: { kind: "level", level: 2 }, note: null, respondent: expect.objectContaining({ name: "Respondent" }) },
      { questionId: "run-q1", answer: { kind: "level", level: 1 }, note: null, respondent: expect.objectContaining({ name: "Respondent" }) },
    ]);
    expect(own!.answers.map((a) => a.answer)).toEqual([level(3), level(2), level(1)]);
    expect(history.trendNotes).toEqual([expect.objectContaining({ teamId: f.payments, text: "Moved to Kubernetes" })]);
    expect(historyFileName(history)).toMatch(/^stave-history-history-[0-9a-f-]+-\d{4}-\d\d-\d\d\.json$/);
  });

  it("exports a group's teams and a team's history on its own, with the groups above them", async () => {
    const f = await historyFixture(t, model);
    const group = await historyView(t.ctx(f.org), { kind: "group", id: f.platform });
    expect(group.teams.map((team) => team.id)).toEqual([f.payments]);
    expect(group.assessments).toHaveLength(2);
    const team = await historyView(t.as(f.org, f.lead, "member"), { kind: "team", id: f.payments });
    expect(team.scope).toEqual({ kind: "team", id: f.payments, name: "Payments" });
    expect(team.groups.map((g) => g.name)).toEqual(["Platform"]);
    expect(team.assessments.every((a) => a.teamId === f.payments)).toBe(true);
    expect(team.trendNotes).toHaveLength(1);
  });

  it("lets a team's lead export only their team, and only owners and admins a group or the organisation", async () => {
    const f = await historyFixture(t, model);
    const lead = t.as(f.org, f.lead, "member");
    await expectAppError(historyView(lead, { kind: "team", id: f.search }), "forbidden");
    await expectAppError(historyView(lead, { kind: "organisation" }), "forbidden");
    await expectAppError(historyView(lead, { kind: "group", id: f.platform }), "forbidden");
    const facilitator = await t.member(f.org, "facilitator");
    expect((await historyView(t.as(f.org, facilitator, "facilitator"), { kind: "team", id: f.search })).teams).toHaveLength(1);
    const other = await t.organisation();
    await expectAppError(historyView(t.ctx(other), { kind: "team", id: f.payments }), "not_found");
    await expectAppError(historyView(t.ctx(other), { kind: "group", id: f.platform }), "not_found");
  });
});
