import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { assessments, teams } from "../schema";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { firstRunProgress } from "./first-run";
import { createInvitation } from "./invitations";
import { listTeamManagerNames } from "./members";
import { syncModelVersions } from "./model-versions";
import { createTeam, setTeamCadence } from "./teams";

const [model] = withContentId("first-run-test", [testModel({ areas: [{ id: "a", questions: 1 }] })]) as [Model];

describe.each(drivers)("a new organisation's first steps on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  async function submit(org: string, teamId: string) {
    const id = await startAssessment(t.ctx(org), teamId, model.id, { from: "blank" });
    await saveAnswer(t.ctx(org), { assessmentId: id, questionId: "a-q1", answer: level(3), note: null });
    await submitAssessment(t.ctx(org), id);
  }

  it("reads each step from the data, one at a time, as the owner takes them", async () => {
    const org = await t.organisation();
    const owner = t.as(org, await t.member(org, "owner", "Ana Owner"), "owner");
    const none = { teamCreated: false, peopleInvited: false, assessmentSubmitted: false, cadenceSet: false };
    expect(await firstRunProgress(owner)).toEqual(none);

    const team = await createTeam(owner, "Payments");
    expect(await firstRunProgress(owner)).toEqual({ ...none, teamCreated: true });
    await createInvitation(owner, "member");
    expect(await firstRunProgress(owner)).toEqual({ ...none, teamCreated: true, peopleInvited: true });
    // A draft is not an assessment run.
    const draft = await startAssessment(owner, team.id, model.id, { from: "blank" });
    expect((await firstRunProgress(owner)).assessmentSubmitted).toBe(false);
    await saveAnswer(owner, { assessmentId: draft, questionId: "a-q1", answer: level(2), note: null });
    await submitAssessment(owner, draft);
    expect(await firstRunProgress(owner)).toEqual({ teamCreated: true, peopleInvited: true, assessmentSubmitted: true, cadenceSet: false });
    // Choosing the cadence on the team page counts, even when it is the default one.
    await setTeamCadence(owner, team.id, "quarterly");
    expect(await firstRunProgress(owner)).toEqual({ teamCreated: true, peopleInvited: true, assessmentSubmitted: true, cadenceSet: true });
    expect(await firstRunProgress(t.as(org, await t.member(org, "admin"), "admin"))).toMatchObject({ cadenceSet: true });
  });

  it("counts a second member as people invited, and a team's own cadence or its second assessment as a cadence set", async () => {
    const org = await t.organisation();
    await t.member(org, "owner");
    await t.member(org, "viewer");
    const team = await createTeam(t.ctx(org), "Payments");
    expect(await firstRunProgress(t.ctx(org))).toMatchObject({ peopleInvited: true, cadenceSet: false });

    // Seeded history: a team with two assessments has come back on its cadence (the demo organisation's case).
    await submit(org, team.id);
    expect((await firstRunProgress(t.ctx(org))).cadenceSet).toBe(false);
    await submit(org, team.id);
    expect((await firstRunProgress(t.ctx(org))).cadenceSet).toBe(true);

    const other = await t.organisation();
    const otherTeam = await createTeam(t.ctx(other), "Search");
    await t.handle.db.update(teams).set({ cadence: "monthly" }).where(eq(teams.id, otherTeam.id));
    expect((await firstRunProgress(t.ctx(other))).cadenceSet).toBe(true);
  });

  it("looks only at its own organisation, and only owners and admins may ask", async () => {
    const busy = await t.organisation();
    const team = await createTeam(t.ctx(busy), "Payments");
    await createInvitation(t.ctx(busy), "member");
    await submit(busy, team.id);
    await submit(busy, team.id);
    const fresh = await t.organisation();
    expect(await firstRunProgress(t.ctx(fresh))).toEqual({ teamCreated: false, peopleInvited: false, assessmentSubmitted: false, cadenceSet: false });
    expect(await t.handle.db.select({ id: assessments.id }).from(assessments).where(eq(assessments.organisationId, fresh))).toEqual([]);
    for (const role of ["facilitator", "member", "viewer"] as const) {
      await expectAppError(firstRunProgress(t.as(fresh, await t.member(fresh, role), role)), "forbidden");
    }
  });

  it("names the owners and admins a member in no team can ask, owners first", async () => {
    const org = await t.organisation();
    await t.member(org, "admin", "Bo Admin");
    await t.member(org, "owner", "Zed Owner");
    await t.member(org, "admin", "Al Admin");
    await t.member(org, "facilitator", "Fay Facilitator");
    const member = await t.member(org, "member", "Mo Member");
    await t.member(await t.organisation(), "owner", "Elsewhere Owner");
    expect(await listTeamManagerNames(t.as(org, member, "member"))).toEqual(["Zed Owner", "Al Admin", "Bo Admin"]);
  });
});
