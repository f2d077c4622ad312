import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { countedByQuarter, quartiles, tiedWeakestCounts, type TeamResult } from "@/lib/dashboard/aggregate";
import { quarterOf, quarterRange } from "@/lib/dashboard/quarter";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { assessments } from "../schema";
import { drivers, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { dashboardGroups, heatmapRows, quarterlySeries } from "./dashboard";
import { dashboardVersion } from "./dashboard-cache";
import { createGroup, setTeamGroup } from "./groups";
import { syncModelVersions } from "./model-versions";
import { addTeamMember } from "./team-members";
import { createTeam, setTeamArchived } from "./teams";

// Two areas of one question each, so an assessment's area scores are exactly its two answers.
const [model] = withContentId("dashboard-test", [
  testModel({
    areas: [
      { id: "build", questions: 1 },
      { id: "run", questions: 1 },
    ],
  }),
]) as [Model];

const quarters = quarterRange(quarterOf(new Date("2026-12-15T00:00:00Z")), 6); // 2025 Q3 … 2026 Q4

describe.each(drivers)("dashboard data on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  /** Submits an assessment scoring `build` and `run`, dated `submittedAt`. */
  async function submitted(org: string, teamId: string, submittedAt: string, build: number, run: number) {
    const ctx = t.ctx(org);
    const id = await startAssessment(ctx, teamId, model.id);
    await saveAnswer(ctx, { assessmentId: id, questionId: "build-q1", answer: level(build), note: "a private note" });
    await saveAnswer(ctx, { assessmentId: id, questionId: "run-q1", answer: level(run), note: null });
    await submitAssessment(ctx, id);
    await t.handle.db
      .update(assessments)
      .set({ submittedAt: new Date(submittedAt) })
      .where(eq(assessments.id, id));
    return id;
  }

  async function teams(org: string, names: string[], groupId: string | null = null) {
    const out = [];
    for (const name of names) {
      const team = await createTeam(t.ctx(org), name);
      if (groupId) await setTeamGroup(t.ctx(org), team.id, groupId);
      out.push(team);
    }
    return out;
  }

  it("aggregates per quarter exactly as the pure rules do", async () => {
    const org = await t.organisation();
    const [a, b, c, d] = await teams(org, ["Alpha", "Bravo", "Charlie", "Delta"]);
    const history: [string, string, number, number][] = [
      [a!.id, "2025-08-01T10:00:00Z", 1, 2],
      [a!.id, "2026-02-10T10:00:00Z", 3, 2],
      [a!.id, "2026-03-20T10:00:00Z", 2, 4], // the later one of its quarter stands
      [b!.id, "2025-12-01T10:00:00Z", 2, 2], // a tie: counts for both areas
      [b!.id, "2026-10-01T10:00:00Z", 4, 3],
      [c!.id, "2026-01-15T10:00:00Z", 5, 1], // expires after 2026 Q3
      [d!.id, "2024-01-15T10:00:00Z", 1, 1], // too old for any quarter shown
    ];
    const results: TeamResult[] = [];
    for (const [teamId, at, build, run] of history) {
      await submitted(org, teamId, at, build, run);
      const waterLevel = Math.min(build, run);
      results.push({
        teamId,
        submittedAt: new Date(at),
        waterLevel,
        weakest: [build === waterLevel && "build", run === waterLevel && "run"].filter((x): x is string => !!x),
      });
    }
    // A newer draft never counts.
    await startAssessment(t.ctx(org), c!.id, model.id);

    const series = await quarterlySeries(t.ctx(org), { groupId: null, modelId: model.id }, quarters);
    const expected = countedByQuarter(results, quarters);
    expect(series.quarters.map((f) => f.teams)).toEqual(quarters.map((q) => expected.get(q)!.length));
    expect(series.quarters.map((f) => f.teams)).toEqual([1, 2, 3, 3, 2, 1]);
    for (const figures of series.quarters) {
      const counted = expected.get(figures.quarter)!;
      if (counted.length < 3) continue; // withheld? not here: the system is inside every group
      expect(figures.waterLevel).toEqual(quartiles(counted.map((r) => r.waterLevel!)));
      expect(figures.weakest).toEqual(Object.fromEntries(tiedWeakestCounts(counted)));
    }
    expect(series).toMatchObject({ teams: 4, assessedTeams: 4, withheld: false });
    // In the last two quarters (2026 Q3 and Q4) only Bravo submitted.
    expect(series.assessedRecently).toBe(1);
  });

  it("shows the heatmap from each team's latest submitted assessment, sorted by name or group, in pages", async () => {
    const org = await t.organisation();
    const tribe = await createGroup(t.ctx(org), { name: "Aardvarks", parentId: null });
    const [zulu] = await teams(org, ["Zulu"], tribe.id);
    const [alpha, mike, gone] = await teams(org, ["alpha", "Mike", "Gone"]);
    await submitted(org, zulu!.id, "2026-01-10T10:00:00Z", 1, 1);
    await submitted(org, zulu!.id, "2026-04-10T10:00:00Z", 3, 2);
    await startAssessment(t.ctx(org), zulu!.id, model.id); // a draft: never shown
    await submitted(org, alpha!.id, "2026-05-10T10:00:00Z", 4, 5);
    await submitted(org, gone!.id, "2026-05-10T10:00:00Z", 4, 5);
    await setTeamArchived(t.ctx(org), gone!.id, true);

    const scope = { groupId: null, modelId: model.id };
    const byName = await heatmapRows(t.ctx(org), scope);
    expect(byName.total).toBe(3);
    expect(byName.rows.map((r) => r.teamName)).toEqual(["alpha", "Mike", "Zulu"]);
    expect(byName.rows[2]!.latest).toMatchObject({ waterLevel: 2, weakest: ["run"], areas: { build: 3, run: 2 } });
    expect(byName.rows[1]!.latest).toBeUndefined();
    expect(JSON.stringify(byName)).not.toContain("private note");

    const byGroup = await heatmapRows(t.ctx(org), scope, { sort: "group" });
    expect(byGroup.rows.map((r) => r.teamName)).toEqual(["Zulu", "alpha", "Mike"]);
    const page2 = await heatmapRows(t.ctx(org), scope, { offset: 1, limit: 1 });
    expect(page2).toMatchObject({ total: 3, rows: [{ teamId: mike!.id }] });
  });

  it("keeps a team's history when it moves to another group", async () => {
    const org = await t.organisation();
    const east = await createGroup(t.ctx(org), { name: "East", parentId: null });
    const west = await createGroup(t.ctx(org), { name: "West", parentId: null });
    const inner = await createGroup(t.ctx(org), { name: "Inner", parentId: west.id });
    const [team] = await teams(org, ["Mover"], east.id);
    await submitted(org, team!.id, "2026-01-10T10:00:00Z", 2, 3);
    await submitted(org, team!.id, "2026-07-10T10:00:00Z", 3, 3);
    const countsIn = async (groupId: string) => (await quarterlySeries(t.ctx(org), { groupId, modelId: model.id }, quarters)).quarters.map((f) => f.teams);
    expect(await countsIn(east.id)).toEqual([0, 0, 1, 1, 1, 1]);
    await setTeamGroup(t.ctx(org), team!.id, inner.id);
    expect(await countsIn(east.id)).toEqual([0, 0, 0, 0, 0, 0]);
    // The group above counts the teams of the groups inside it, history and all.
    expect(await countsIn(west.id)).toEqual([0, 0, 1, 1, 1, 1]);
    expect((await heatmapRows(t.ctx(org), { groupId: west.id, modelId: model.id })).rows.map((r) => r.teamName)).toEqual(["Mover"]);
  });

  it("withholds a small group's aggregates from everyone outside it", async () => {
    const org = await t.organisation();
    const small = await createGroup(t.ctx(org), { name: "Small", parentId: null });
    const big = await createGroup(t.ctx(org), { name: "Big", parentId: null });
    const [s1, s2] = await teams(org, ["S1", "S2"], small.id);
    const [b1, b2, b3] = await teams(org, ["B1", "B2", "B3"], big.id);
    for (const team of [s1!, s2!, b1!, b2!]) await submitted(org, team.id, "2026-11-01T10:00:00Z", 2, 3);
    await submitted(org, b3!.id, "2026-05-01T10:00:00Z", 2, 3);

    const outsider = await t.member(org, "viewer");
    const insider = await t.member(org, "member");
    await addTeamMember(t.ctx(org), s1!.id, insider);
    const asOutsider = t.as(org, outsider, "viewer");

    const hidden = await quarterlySeries(asOutsider, { groupId: small.id, modelId: model.id }, quarters);
    expect(hidden.withheld).toBe(true);
    expect(hidden.assessedTeams).toBe(2);
    for (const figures of hidden.quarters) {
      expect(figures.withheld).toBe(true);
      expect(figures.waterLevel).toBeUndefined();
      expect(figures.weakest).toEqual({});
    }
    const shown = await quarterlySeries(t.as(org, insider, "member"), { groupId: small.id, modelId: model.id }, quarters);
    expect(shown.withheld).toBe(false);
    expect(shown.quarters.at(-1)).toMatchObject({ teams: 2, withheld: false, waterLevel: { median: 2 }, weakest: { build: 2 } });

    // Three assessed teams are enough for the group, but a quarter with two counted stays withheld.
    const bigSeries = await quarterlySeries(asOutsider, { groupId: big.id, modelId: model.id }, quarters);
    expect(bigSeries.withheld).toBe(false);
    const [q2, q3, q4] = bigSeries.quarters.slice(-3);
    expect(q2).toMatchObject({ teams: 1, withheld: true, weakest: {} });
    expect(q3).toMatchObject({ teams: 1, withheld: true });
    // Big's figures would be the organisation's less Small's: shown beside the organisation's, Small's
    // could be had by subtraction, so Big's are withheld in that quarter too.
    expect(q4).toMatchObject({ teams: 3, withheld: true, withheldReason: "complementary", weakest: {} });
    // The organisation as a whole: every member is inside it.
    expect((await quarterlySeries(asOutsider, { groupId: null, modelId: model.id }, quarters)).quarters.at(-1)).toMatchObject({ teams: 5, withheld: false });
    // Owners and admins are inside every group.
    const admin = t.as(org, await t.member(org, "admin"), "admin");
    expect((await quarterlySeries(admin, { groupId: small.id, modelId: model.id }, quarters)).quarters.at(-1)).toMatchObject({
      withheld: false,
      weakest: { build: 2 },
    });
    expect((await quarterlySeries(admin, { groupId: big.id, modelId: model.id }, quarters)).quarters.at(-1)).toMatchObject({
      withheld: false,
      weakest: { build: 3 },
    });
  });

  it("shows every change on the next read, whichever instance made it", async () => {
    const org = await t.organisation();
    const group = await createGroup(t.ctx(org), { name: "Watched", parentId: null });
    const [one, two] = await teams(org, ["One", "Two"], group.id);
    await submitted(org, one!.id, "2026-11-01T10:00:00Z", 2, 3);
    const read = async () => (await quarterlySeries(t.ctx(org), { groupId: group.id, modelId: model.id }, quarters)).quarters.at(-1)!;
    expect(await read()).toMatchObject({ teams: 1, waterLevel: { median: 2 } });
    expect(await read()).toMatchObject({ teams: 1 }); // from the cache
    await submitted(org, two!.id, "2026-11-02T10:00:00Z", 4, 4);
    expect(await read()).toMatchObject({ teams: 2, waterLevel: { median: 3 } });
    // A change written straight to the database (as another instance would) counts too.
    await t.handle.db
      .update(assessments)
      .set({ submittedAt: new Date("2026-01-01T10:00:00Z") })
      .where(eq(assessments.teamId, two!.id));
    expect(await read()).toMatchObject({ teams: 1 });
    await setTeamArchived(t.ctx(org), one!.id, true);
    expect(await read()).toMatchObject({ teams: 0 });
  });

  it("keeps the groups and their team counts until the tree or a team changes", async () => {
    const org = await t.organisation();
    const read = async () => {
      const { groups, teamsPerGroup } = await dashboardGroups(t.ctx(org), await dashboardVersion(t.ctx(org)));
      return groups.map((g) => [g.name, teamsPerGroup.get(g.id) ?? 0]);
    };
    const tribe = await createGroup(t.ctx(org), { name: "Tribe", parentId: null });
    expect(await read()).toEqual([["Tribe", 0]]);
    const [team] = await teams(org, ["Mover"], tribe.id);
    expect(await read()).toEqual([["Tribe", 1]]);
    const squad = await createGroup(t.ctx(org), { name: "Squad", parentId: tribe.id });
    await setTeamGroup(t.ctx(org), team!.id, squad.id);
    expect(await read()).toEqual([
      ["Squad", 1],
      ["Tribe", 0],
    ]);
    await setTeamArchived(t.ctx(org), team!.id, true);
    expect(await read()).toEqual([
      ["Squad", 0],
      ["Tribe", 0],
    ]);
    // Another organisation's groups never show.
    const other = await t.organisation();
    expect((await dashboardGroups(t.ctx(other))).groups).toEqual([]);
  });

  it("gives a member of another organisation nothing", async () => {
    const org = await t.organisation();
    const group = await createGroup(t.ctx(org), { name: "Ours", parentId: null });
    const [team] = await teams(org, ["Ours 1"], group.id);
    await submitted(org, team!.id, "2026-11-01T10:00:00Z", 2, 3);
    const other = await t.organisation();
    const stranger = t.as(other, await t.member(other, "owner"), "owner");
    for (const groupId of [group.id, null]) {
      expect(await heatmapRows(stranger, { groupId, modelId: model.id })).toEqual({ rows: [], total: 0 });
      const series = await quarterlySeries(stranger, { groupId, modelId: model.id }, quarters);
      expect(series).toMatchObject({ teams: 0, assessedTeams: 0 });
      expect(series.quarters.every((f) => f.teams === 0)).toBe(true);
    }
  });
});
