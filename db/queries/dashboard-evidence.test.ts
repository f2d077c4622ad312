import { describe, expect, it } from "vitest";
import { quarterOf } from "@/lib/dashboard/quarter";
import { dayOf } from "@/lib/evidence/expiry";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { drivers, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { staleEvidenceOfScope } from "./dashboard-evidence";
import { saveEvidence } from "./evidence";
import { createGroup, setTeamGroup } from "./groups";
import { syncModelVersions } from "./model-versions";
import { createTeam } from "./teams";

const [model] = withContentId("stale-evidence-test", [
  testModel({
    areas: [
      { id: "build", questions: 2 },
      { id: "run", questions: 1 },
    ],
  }),
]) as [Model];

const today = dayOf(new Date());
const quarter = quarterOf(new Date());
const STALE = { effectiveOn: "2024-01-10", validFor: "P12M" }; // stale since 10 Jan 2025
const VALID = { effectiveOn: today, validFor: "P12M" };

describe.each(drivers)("stale evidence on the dashboard on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  /** Submits an assessment of every question, with evidence on build-q1 when given. */
  async function submitted(org: string, teamId: string, evidence?: { effectiveOn: string; validFor: string }) {
    const ctx = t.ctx(org);
    const id = await startAssessment(ctx, teamId, model.id);
    for (const q of ["build-q1", "build-q2", "run-q1"]) await saveAnswer(ctx, { assessmentId: id, questionId: q, answer: level(3), note: null });
    if (evidence) await saveEvidence(ctx, { assessmentId: id, questionId: "build-q1", items: ["https://wiki.example/ci"], ...evidence });
    await submitAssessment(ctx, id);
    return id;
  }

  async function organisation() {
    const org = await t.organisation();
    const ctx = t.ctx(org);
    const labs = await createGroup(ctx, { name: "Labs", parentId: null });
    const small = await createGroup(ctx, { name: "Small", parentId: null });
    const team = async (name: string, groupId: string | null) => {
      const created = await createTeam(ctx, name);
      if (groupId) await setTeamGroup(ctx, created.id, groupId);
      return created.id;
    };
    const [alpha, bravo, charlie, outside, lonely] = [
      await team("Alpha", labs.id),
      await team("Bravo", labs.id),
      await team("Charlie", labs.id),
      await team("Outside", null),
      await team("Lonely", small.id),
    ];
    await submitted(org, alpha, STALE);
    await submitted(org, bravo, STALE); // superseded: only each team's latest assessment counts
    await submitted(org, bravo, VALID);
    await submitted(org, charlie);
    await submitted(org, outside, STALE);
    await submitted(org, lonely, STALE);
    // Enough teams outside Labs that its figures give no smaller group's away by subtraction.
    for (const name of ["Delta", "Echo"]) await submitted(org, await team(name, null));
    return { org, labs: labs.id, small: small.id };
  }

  it("counts, per area, the answers of the teams' latest assessments whose evidence is stale today, of the scope's teams only", async () => {
    const { org, labs } = await organisation();
    const viewer = t.as(org, await t.member(org, "viewer"), "viewer");
    const scope = { groupId: labs, modelId: model.id };

    expect(await staleEvidenceOfScope(viewer, scope, quarter, today)).toEqual({
      quarter,
      today,
      teams: 3,
      withheld: false,
      areas: expect.arrayContaining([
        { areaId: "build", answers: 6, stale: 1 },
        { areaId: "run", answers: 3, stale: 0 },
      ]),
    });
    const organisationWide = await staleEvidenceOfScope(viewer, { groupId: null, modelId: model.id }, quarter, today);
    expect(organisationWide.teams).toBe(7);
    expect(organisationWide.areas).toContainEqual({ areaId: "build", answers: 14, stale: 3 });

    // Staleness moves with the day, not only with the data: a year on, Bravo's evidence has lapsed too.
    const nextYear = dayOf(new Date(Date.now() + 400 * 86_400_000));
    expect((await staleEvidenceOfScope(viewer, scope, quarter, nextYear)).areas).toContainEqual({ areaId: "build", answers: 6, stale: 2 });
  });

  it("is withheld where the scope's figures are: a group of too few teams, from a viewer outside it, not from an admin", async () => {
    const { org, small } = await organisation();
    const scope = { groupId: small, modelId: model.id };
    const viewer = t.as(org, await t.member(org, "viewer"), "viewer");
    expect(await staleEvidenceOfScope(viewer, scope, quarter, today)).toEqual({
      quarter,
      today,
      teams: 1,
      withheld: true,
      withheldReason: "too-few-teams",
      areas: [],
    });
    const admin = t.as(org, await t.member(org, "admin"), "admin");
    expect((await staleEvidenceOfScope(admin, scope, quarter, today)).areas).toContainEqual({ areaId: "build", answers: 2, stale: 1 });
  });
});
