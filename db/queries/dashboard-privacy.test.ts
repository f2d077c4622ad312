import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { quarterOf, quarterRange } from "@/lib/dashboard/quarter";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import type { Ctx } from "../context";
import { assessments } from "../schema";
import { drivers, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { getAssessment } from "./visible-assessments";
import { heatmapRows, quarterlySeries } from "./dashboard";
import { dashboardVersion } from "./dashboard-cache";
import { createGroup, setTeamGroup } from "./groups";
import { syncModelVersions } from "./model-versions";
import { getPrivacyPolicy, mayReadTeamResults, setPrivacyPolicy } from "./privacy";
import { listTeamScores } from "./scores";
import { addTeamMember } from "./team-members";
import { createTeam } from "./teams";

const [model] = withContentId("privacy-test", [
  testModel({
    areas: [
      { id: "build", questions: 1 },
      { id: "run", questions: 1 },
      { id: "secure", questions: 1 },
    ],
  }),
]) as [Model];

const quarters = quarterRange(quarterOf(new Date("2026-12-15T00:00:00Z")), 4); // 2026 Q1 … Q4
const quarterDates = ["2026-02-10", "2026-05-10", "2026-08-10", "2026-11-10"];

describe.each(drivers)("dashboard privacy on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  async function submitted(org: string, teamId: string, day: string, scores: [number, number, number]) {
    const ctx = t.ctx(org);
    const id = await startAssessment(ctx, teamId, model.id);
    for (const [i, area] of ["build", "run", "secure"].entries()) {
      await saveAnswer(ctx, { assessmentId: id, questionId: `${area}-q1`, answer: level(scores[i]!), note: null });
    }
    await submitAssessment(ctx, id);
    await t.handle.db
      .update(assessments)
      .set({ submittedAt: new Date(`${day}T10:00:00Z`) })
      .where(eq(assessments.id, id));
    return id;
  }

  /** A generated organisation: nested groups of 1 to 4 teams, some teams in no group, assessed in varying quarters. */
  async function generated(org: string) {
    const ctx = t.ctx(org);
    const eng = await createGroup(ctx, { name: "Engineering", parentId: null });
    const labs = await createGroup(ctx, { name: "Labs", parentId: null });
    const platform = await createGroup(ctx, { name: "Platform", parentId: eng.id });
    const product = await createGroup(ctx, { name: "Product", parentId: eng.id });
    const edge = await createGroup(ctx, { name: "Edge", parentId: product.id });
    const layout: [string | null, number][] = [
      [labs.id, 2],
      [platform.id, 4],
      [product.id, 2],
      [edge.id, 1],
      [eng.id, 1],
      [null, 1],
    ];
    const teams: { id: string; groupId: string | null }[] = [];
    let n = 0;
    for (const [groupId, count] of layout) {
      for (let i = 0; i < count; i++) {
        const team = await createTeam(ctx, `Team ${++n}`);
        if (groupId) await setTeamGroup(ctx, team.id, groupId);
        teams.push({ id: team.id, groupId });
        // Scores vary by team and quarter so that no two figures agree by chance.
        for (const [q, day] of quarterDates.entries()) {
          if ((n + q) % 4 !== 0) await submitted(org, team.id, day, [1 + ((n + q) % 4), 1 + ((n * 2 + q) % 4), 1 + ((n * 3 + q + 1) % 4)]);
        }
      }
    }
    return { groups: [eng, labs, platform, product, edge], teams };
  }

  it("leaves nothing to find by subtracting shown figures, for any asker, group and quarter", async () => {
    const org = await t.organisation();
    const { groups, teams } = await generated(org);
    const owner = t.ctx(org);
    const cells = [null, ...groups.map((g) => g.id)];
    const childrenOf = (cell: string | null) => groups.filter((g) => g.parentId === cell).map((g) => g.id);
    const truth = new Map<string | null, Awaited<ReturnType<typeof quarterlySeries>>>();
    for (const cell of cells) truth.set(cell, await quarterlySeries(owner, { groupId: cell, modelId: model.id }, quarters));

    const viewer = await t.member(org, "viewer");
    const member = await t.member(org, "member");
    await addTeamMember(owner, teams[0]!.id, member); // in Labs
    const askers: Ctx[] = [t.as(org, viewer, "viewer"), t.as(org, member, "member")];
    let attempts = 0;
    for (const asker of askers) {
      const seen = new Map<string | null, Awaited<ReturnType<typeof quarterlySeries>>>();
      for (const cell of cells) seen.set(cell, await quarterlySeries(asker, { groupId: cell, modelId: model.id }, quarters));
      for (const parent of cells) {
        for (const [i] of quarters.entries()) {
          const p = seen.get(parent)!.quarters[i]!;
          if (p.withheld) continue;
          const kids = childrenOf(parent).map((id) => ({ id, shown: seen.get(id)!.quarters[i]!, true: truth.get(id)!.quarters[i]! }));
          const rest: Record<string, number> = { ...p.weakest };
          for (const k of kids.filter((k) => !k.shown.withheld))
            for (const [area, count] of Object.entries(k.shown.weakest)) rest[area] = (rest[area] ?? 0) - count;
          const restNonZero = Object.fromEntries(Object.entries(rest).filter(([, c]) => c !== 0));
          for (const hidden of kids.filter((k) => k.shown.withheld && k.true.teams > 0)) {
            attempts++;
            expect(restNonZero, `${hidden.id} in quarter ${i}`).not.toEqual(hidden.true.weakest);
          }
        }
      }
    }
    // The attack had something to try: withheld groups beside shown parents.
    expect(attempts).toBeGreaterThan(4);
    // Labs (2 teams) is withheld from the viewer, and so is the organisation-level complement.
    const labsForViewer = await quarterlySeries(askers[0]!, { groupId: groups[1]!.id, modelId: model.id }, quarters);
    expect(labsForViewer.quarters.every((q) => q.withheld)).toBe(true);
    const labsForMember = await quarterlySeries(askers[1]!, { groupId: groups[1]!.id, modelId: model.id }, quarters);
    expect(labsForMember.quarters.some((q) => !q.withheld)).toBe(true);
  });

  it("keeps each team's own results to the team and its leads when owners choose so, and moves the version", async () => {
    const org = await t.organisation();
    const owner = t.ctx(org);
    const [mine, theirs] = [await createTeam(owner, "Mine"), await createTeam(owner, "Theirs")];
    const theirAssessment = await submitted(org, theirs.id, "2026-11-10", [2, 3, 4]);
    await submitted(org, mine.id, "2026-11-10", [3, 3, 3]);
    const viewerId = await t.member(org, "viewer");
    await addTeamMember(owner, mine.id, viewerId);
    const viewer = t.as(org, viewerId, "viewer");
    const facilitator = t.as(org, await t.member(org, "facilitator"), "facilitator");
    const scope = { groupId: null, modelId: model.id };
    const names = async (ctx: Ctx) => (await heatmapRows(ctx, scope)).rows.map((r) => r.teamName);

    expect(await getPrivacyPolicy(viewer)).toEqual({ teamResults: "organisation", minTeams: 3 });
    expect(await names(viewer)).toEqual(["Mine", "Theirs"]);
    const before = await dashboardVersion(owner);

    await expect(setPrivacyPolicy(t.as(org, await t.member(org, "admin"), "admin"), { teamResults: "team", minTeams: 3 })).rejects.toThrow(/Only owners/);
    await setPrivacyPolicy(owner, { teamResults: "team", minTeams: 4 });
    expect(await dashboardVersion(owner)).toBeGreaterThan(before);

    // The cached heatmap is not served: the viewer now sees only their own team's row.
    expect(await names(viewer)).toEqual(["Mine"]);
    expect(await names(facilitator)).toEqual(["Mine", "Theirs"]);
    expect(await listTeamScores(viewer, theirs.id)).toEqual([]);
    expect(await listTeamScores(viewer, mine.id)).toHaveLength(1);
    expect(await getAssessment(viewer, theirAssessment)).toBeUndefined();
    expect(await getAssessment(facilitator, theirAssessment)).toBeDefined();
    expect(await mayReadTeamResults(viewer, theirs.id)).toBe(false);
    expect(await mayReadTeamResults(viewer, mine.id)).toBe(true);
    // The organisation has 2 teams, fewer than k = 4: its aggregates are withheld from the viewer... except it is theirs.
    const series = await quarterlySeries(viewer, scope, quarters);
    expect(series.privacy).toEqual({ minTeams: 4, teamResults: "team", inside: true });
    expect(series.quarters.at(-1)).toMatchObject({ teams: 2, withheld: true, withheldReason: "complementary" });

    await setPrivacyPolicy(owner, { teamResults: "organisation", minTeams: 3 });
    expect(await names(viewer)).toEqual(["Mine", "Theirs"]);
  });

  it("refuses a k below three", async () => {
    const org = await t.organisation();
    await expect(setPrivacyPolicy(t.ctx(org), { teamResults: "team", minTeams: 2 })).rejects.toThrow();
  });
});
