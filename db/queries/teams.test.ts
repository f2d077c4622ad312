import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { eq } from "drizzle-orm";
import { syncModelVersions } from "./model-versions";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { addTeamMember } from "./team-members";
import { listAuditEvents } from "./audit";
import { assessments } from "../schema";
import { level, testModel } from "@/lib/test-models";
import { withContentId } from "../test-db";
import type { Model } from "@/lib/model/schema";
import type { Ctx } from "../context";
import { createTeam, getTeamOverview, listTeams, renameTeam, setTeamArchived, setTeamCadence, type TeamSummary } from "./teams";

/** The team as its summary (id, name, archived), read the way its pages read it. */
async function getTeam(ctx: Ctx, teamId: string): Promise<TeamSummary | undefined> {
  const team = await getTeamOverview(ctx, teamId);
  return team && { id: team.id, name: team.name, archivedAt: team.archivedAt };
}

const [cadenceModel] = withContentId("cadence-test", [testModel({ areas: [{ id: "a", questions: 1 }] })]) as [Model];

describe.each(drivers)("teams on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [cadenceModel]);
  });

  it("keeps a cadence per team (quarterly unless set) with its last submission, and lets only the team's lead change it", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Cadenced");
    const other = await createTeam(t.ctx(org), "Other");
    const before = (await getTeamOverview(t.ctx(org), team.id))?.cadence;
    expect(before).toMatchObject({ teamId: team.id, cadence: "quarterly", lastSubmittedAt: undefined });

    const id = await startAssessment(t.ctx(org), team.id, cadenceModel.id);
    await saveAnswer(t.ctx(org), { assessmentId: id, questionId: "a-q1", answer: level(3), note: null });
    await submitAssessment(t.ctx(org), id);
    const submittedAt = new Date("2026-08-15T10:00:00Z");
    await t.handle.db.update(assessments).set({ submittedAt }).where(eq(assessments.id, id));
    await startAssessment(t.ctx(org), team.id, cadenceModel.id); // a draft does not count as assessed

    const member = await t.member(org, "member");
    await addTeamMember(t.ctx(org), team.id, member);
    await setTeamCadence(t.as(org, member, "member"), team.id, "half-yearly");
    await expectAppError(setTeamCadence(t.as(org, member, "member"), other.id, "monthly"), "forbidden", /Only the team's members/);
    const viewer = await t.member(org, "viewer");
    await expectAppError(setTeamCadence(t.as(org, viewer, "viewer"), team.id, "monthly"), "forbidden");
    await setTeamCadence(t.as(org, await t.member(org, "facilitator"), "facilitator"), other.id, "none");

    expect((await getTeamOverview(t.ctx(org), team.id))?.cadence).toEqual({ teamId: team.id, cadence: "half-yearly", lastSubmittedAt: submittedAt });
    expect((await getTeamOverview(t.ctx(org), other.id))?.cadence).toEqual({ teamId: other.id, cadence: "none", lastSubmittedAt: undefined });
    expect((await listTeams(t.ctx(org))).map((x) => [x.name, x.cadence])).toEqual([
      ["Cadenced", "half-yearly"],
      ["Other", "none"],
    ]);
    expect((await listAuditEvents(t.ctx(org))).map((e) => e.summary)).toContain("Set team “Cadenced” to assess itself: every half year");
    // Another organisation's team is not found.
    const stranger = await t.organisation();
    await expectAppError(setTeamCadence(t.ctx(stranger), team.id, "monthly"), "not_found");
  });

  it("lists the teams saying which are the actor's own", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Overview");
    const second = await createTeam(t.ctx(org), "Another");
    const member = await t.member(org, "member");
    const outsider = await t.member(org, "member", "Not in the team");
    await addTeamMember(t.ctx(org), team.id, member);
    expect((await listTeams(t.as(org, member, "member"))).map((x) => [x.id, x.mine])).toEqual([
      [second.id, false],
      [team.id, true],
    ]);
    expect((await listTeams(t.as(org, outsider, "member"))).map((x) => x.mine)).toEqual([false, false]);
    expect((await listTeams(t.ctx(org))).map((x) => x.mine)).toEqual([false, false]);
  });

  it("gives a team's page the team, what the actor is to it and its cadence in one statement", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Overview");
    const member = await t.member(org, "member");
    const outsider = await t.member(org, "member", "Not in the team");
    await addTeamMember(t.ctx(org), team.id, member);
    const id = await startAssessment(t.ctx(org), team.id, cadenceModel.id);
    await saveAnswer(t.ctx(org), { assessmentId: id, questionId: "a-q1", answer: level(2), note: null });
    await submitAssessment(t.ctx(org), id);
    const submittedAt = new Date("2026-09-01T08:30:00Z");
    await t.handle.db.update(assessments).set({ submittedAt }).where(eq(assessments.id, id));

    const seen = await getTeamOverview(t.as(org, member, "member"), team.id);
    expect(seen).toEqual({
      ...team,
      scope: { teamMember: true },
      resultsVisible: true,
      cadence: { teamId: team.id, cadence: "quarterly", lastSubmittedAt: submittedAt },
    });
    expect((await getTeamOverview(t.as(org, outsider, "member"), team.id))?.scope).toEqual({ teamMember: false });
    // The system is in no team.
    expect((await getTeamOverview(t.ctx(org), team.id))?.scope).toEqual({ teamMember: false });
    expect(await getTeamOverview(t.ctx(await t.organisation()), team.id)).toBeUndefined();
  });

  it("creates teams and lists them by name, ignoring case", async () => {
    const org = await t.organisation();
    const beta = await createTeam(t.ctx(org), "beta");
    await createTeam(t.ctx(org), "Alpha");
    await createTeam(t.ctx(org), "gamma");

    expect(beta).toEqual({ id: expect.any(String), name: "beta", archivedAt: null });
    expect(await getTeam(t.ctx(org), beta.id)).toEqual(beta);
    expect((await listTeams(t.ctx(org))).map((team) => team.name)).toEqual(["Alpha", "beta", "gamma"]);
  });

  it("renames a team, including to another case of its own name", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");

    expect(await renameTeam(t.ctx(org), team.id, "Checkout")).toEqual({ id: team.id, name: "Checkout", archivedAt: null });
    expect(await renameTeam(t.ctx(org), team.id, "CHECKOUT")).toMatchObject({ name: "CHECKOUT" });
    expect((await getTeam(t.ctx(org), team.id))?.name).toBe("CHECKOUT");
  });

  it("archives a team out of the list and restores it", async () => {
    const org = await t.organisation();
    const kept = await createTeam(t.ctx(org), "Kept");
    const team = await createTeam(t.ctx(org), "Legacy");

    const archived = await setTeamArchived(t.ctx(org), team.id, true);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect((await listTeams(t.ctx(org))).map((x) => x.id)).toEqual([kept.id]);
    expect((await listTeams(t.ctx(org), { includeArchived: true })).map((x) => x.id)).toEqual([kept.id, team.id]);

    expect((await setTeamArchived(t.ctx(org), team.id, false)).archivedAt).toBeNull();
    expect((await listTeams(t.ctx(org))).map((x) => x.id)).toEqual([kept.id, team.id]);
  });

  it("refuses a second team whose name differs only in case", async () => {
    const org = await t.organisation();
    await createTeam(t.ctx(org), "payments");

    const error = await expectAppError(createTeam(t.ctx(org), "Payments"), "conflict", "A team called “Payments” already exists");
    expect(error.fieldErrors).toEqual({ name: ["That name is already taken."] });
    expect((await listTeams(t.ctx(org))).map((x) => x.name)).toEqual(["payments"]);
  });

  it("refuses the name of an archived team", async () => {
    const org = await t.organisation();
    const old = await createTeam(t.ctx(org), "Ops");
    await setTeamArchived(t.ctx(org), old.id, true);

    await expectAppError(createTeam(t.ctx(org), "ops"), "conflict");
  });

  it("refuses to rename a team to a name another team has, and keeps its name", async () => {
    const org = await t.organisation();
    await createTeam(t.ctx(org), "Payments");
    const team = await createTeam(t.ctx(org), "Search");

    await expectAppError(renameTeam(t.ctx(org), team.id, "PAYMENTS"), "conflict", "A team called “PAYMENTS” already exists");
    expect((await getTeam(t.ctx(org), team.id))?.name).toBe("Search");
  });

  it("reports an unknown team as not found", async () => {
    const org = await t.organisation();
    const unknown = randomUUID();

    expect(await getTeam(t.ctx(org), unknown)).toBeUndefined();
    await expectAppError(renameTeam(t.ctx(org), unknown, "X"), "not_found", "The team was not found.");
    await expectAppError(setTeamArchived(t.ctx(org), unknown, true), "not_found", "The team was not found.");
  });

  it("keeps another organisation's teams out of sight and out of reach", async () => {
    const mine = await t.organisation("Mine");
    const theirs = await t.organisation("Theirs");
    const their = await createTeam(t.ctx(theirs), "Payments");
    // Names are unique per organisation only.
    const own = await createTeam(t.ctx(mine), "Payments");

    expect(await getTeam(t.ctx(mine), their.id)).toBeUndefined();
    expect((await listTeams(t.ctx(mine), { includeArchived: true })).map((x) => x.id)).toEqual([own.id]);
    await expectAppError(renameTeam(t.ctx(mine), their.id, "Hijacked"), "not_found");
    await expectAppError(setTeamArchived(t.ctx(mine), their.id, true), "not_found");
    expect(await getTeam(t.ctx(theirs), their.id)).toEqual({ id: their.id, name: "Payments", archivedAt: null });
  });
});
