import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import type { Ctx } from "@/db/context";
import { assessments, members } from "@/db/schema";
import { drivers, useTestDatabase, withContentId } from "@/db/test-db";
import { saveAnswer } from "@/db/queries/answers";
import { startAssessment, submitAssessment } from "@/db/queries/assessments";
import { removeMember } from "@/db/queries/membership-changes";
import { syncModelVersions } from "@/db/queries/model-versions";
import { addTeamMember } from "@/db/queries/team-members";
import { createTeam } from "@/db/queries/teams";
import { endWorkshop, openWorkshop } from "@/db/queries/workshops";
import { deskView } from "./desk";
import { workshopsView } from "./workshops";

const [model] = withContentId("desk-test", [
  testModel({
    areas: [
      { id: "build", name: "Build", questions: 1 },
      { id: "run", name: "Run", questions: 1 },
    ],
  }),
]) as [Model];

const now = new Date("2026-06-15T12:00:00Z");

describe.each(drivers)("the desk and the workshops list on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [model]);
  });

  /** A team with one submitted assessment (build, run), submitted on `on`. */
  async function assessed(ctx: Ctx, name: string, build: number, run: number, on: string) {
    const team = await createTeam(ctx, name);
    const id = await startAssessment(ctx, team.id, model.id, { from: "blank" });
    await saveAnswer(ctx, { assessmentId: id, questionId: "build-q1", answer: level(build), note: null });
    await saveAnswer(ctx, { assessmentId: id, questionId: "run-q1", answer: level(run), note: null });
    await submitAssessment(ctx, id);
    await t.handle.db
      .update(assessments)
      .set({ submittedAt: new Date(on) })
      .where(eq(assessments.id, id));
    return team.id;
  }

  /** A team with a draft run as a workshop by `facilitator`. */
  async function inWorkshop(org: string, name: string, facilitator: Ctx) {
    const team = await createTeam(t.ctx(org), name);
    const assessmentId = await startAssessment(t.ctx(org), team.id, model.id, { from: "blank" });
    const workshop = await openWorkshop(facilitator, { assessmentId, anonymity: "named", autoReveal: true });
    return { teamId: team.id, workshopId: workshop.id };
  }

  it("shows each organisation as the person's role there lets them see it, and nothing of one they were removed from", async () => {
    const [a, b, c] = [await t.organisation("Acme"), await t.organisation("Bolt"), await t.organisation("Cove")];
    const person = await t.user("Connie Consultant");
    const { handle } = t;
    await handle.db.insert(members).values([
      { organisationId: a, userId: person, role: "owner" },
      { organisationId: b, userId: person, role: "viewer" },
      { organisationId: c, userId: person, role: "member" },
    ]);

    // Acme: the person owns it and runs its workshop; one team overdue, one unassessed.
    await assessed(t.ctx(a), "Alpha", 2, 4, "2026-01-10T09:00:00Z");
    await assessed(t.ctx(a), "Apex", 3, 1, "2026-06-01T09:00:00Z");
    const acmeWorkshop = await inWorkshop(a, "Atlas", t.as(a, person, "owner"));
    // Bolt: a viewer there, so its workshop (a team's draft) stays out of sight.
    const boltFacilitator = t.as(b, await t.member(b, "facilitator", "Bea Facilitator"), "facilitator");
    await assessed(t.ctx(b), "Beta", 1, 3, "2026-03-25T09:00:00Z");
    await inWorkshop(b, "Bravo", boltFacilitator);
    // Cove: a member, who sees the workshop of their own team only.
    const coveFacilitator = t.as(c, await t.member(c, "facilitator", "Cal Facilitator"), "facilitator");
    await assessed(t.ctx(c), "Gamma", 4, 2, "2026-05-01T09:00:00Z");
    const own = await inWorkshop(c, "Own team", coveFacilitator);
    await addTeamMember(t.ctx(c), own.teamId, person);
    await inWorkshop(c, "Other team", coveFacilitator);
    await endWorkshop(coveFacilitator, own.workshopId, new Date("2026-06-10T10:00:00Z"));

    const desk = await deskView({ db: handle.db, userId: person }, now);
    expect(desk.organisations.map((o) => [o.id, o.role])).toEqual([
      [a, "owner"],
      [b, "viewer"],
      [c, "member"],
    ]);
    const [acme, bolt, cove] = desk.organisations;
    expect(JSON.parse(JSON.stringify(desk))).toEqual(desk);

    expect(acme!.teams.map((team) => [team.name, team.waterLevel])).toEqual([
      ["Alpha", 2],
      ["Apex", 1],
      ["Atlas", null],
    ]);
    expect(acme!.commonWeakest).toMatchObject({ names: ["Build", "Run"], teams: 1, assessed: 2 });
    expect(acme!.due.map((d) => [d.teamName, d.overdue])).toEqual([["Alpha", true]]);
    expect(acme!.workshops).toHaveLength(1);
    expect(acme!.workshops[0]).toMatchObject({ id: acmeWorkshop.workshopId, teamName: "Atlas", state: "Running", facilitator: "Connie Consultant" });
    expect(acme!.workshops[0]!.links.console).toBe(`/teams/${acmeWorkshop.teamId}/assessments/${(await firstDraft(acmeWorkshop.teamId))!}/workshop`);

    expect(bolt!.teams.map((team) => [team.name, team.waterLevel])).toEqual([
      ["Beta", 1],
      ["Bravo", null],
    ]);
    expect(bolt!.due.map((d) => d.teamName)).toEqual(["Beta"]);
    expect(bolt!).toMatchObject({ canSeeWorkshops: false, workshops: [], commonWeakest: { names: ["Build"], teams: 1, assessed: 1 } });

    expect(cove!.workshops.map((w) => [w.teamName, w.state, w.facilitator, w.links])).toEqual([
      ["Own team", "Ended", "Cal Facilitator", { report: `/workshops/${own.workshopId}/report` }],
    ]);
    expect(cove!.commonWeakest?.names).toEqual(["Run"]);

    // Removed from Bolt by its owner: Bolt is gone from the desk at once, every figure with it.
    const boltOwner = t.as(b, await t.member(b, "owner"), "owner");
    await removeMember(boltOwner, person);
    const after = await deskView({ db: handle.db, userId: person }, now);
    expect(after.organisations.map((o) => o.id)).toEqual([a, c]);
    expect(JSON.stringify(after)).not.toMatch(/Bolt|Beta|Bravo|Bea Facilitator/);
    expect(JSON.stringify(after)).not.toContain(b);
  });

  async function firstDraft(teamId: string) {
    const [row] = await t.handle.db.select({ id: assessments.id }).from(assessments).where(eq(assessments.teamId, teamId));
    return row?.id;
  }

  it("lists a workshop with its console for whoever runs it, the presenter for the rest, and none to a viewer", async () => {
    const org = await t.organisation();
    const facilitator = t.as(org, await t.member(org, "facilitator", "Fran"), "facilitator");
    const running = await inWorkshop(org, "Payments", facilitator);
    const ended = await inWorkshop(org, "Search", facilitator);
    await endWorkshop(facilitator, ended.workshopId);

    const own = await workshopsView(facilitator);
    expect(own.running.map((w) => [w.teamName, w.facilitator, Object.keys(w.links)])).toEqual([["Payments", "Fran", ["console", "presenter", "report"]]]);
    expect(own.ended.map((w) => [w.teamName, w.state, Object.keys(w.links)])).toEqual([["Search", "Ended", ["report"]]]);
    expect(own.ended[0]!.endedAt).toEqual(expect.any(String));

    const other = await workshopsView(t.as(org, await t.member(org, "facilitator"), "facilitator"));
    expect(other.running.map((w) => Object.keys(w.links))).toEqual([["presenter", "report"]]);
    expect(other.running[0]!.id).toBe(running.workshopId);

    const viewer = await workshopsView(t.as(org, await t.member(org, "viewer"), "viewer"));
    expect(viewer).toEqual({ running: [], ended: [], canSeeWorkshops: false });
    const stranger = await workshopsView(t.as(await t.organisation(), await t.user(), "owner"));
    expect(stranger.running.concat(stranger.ended)).toEqual([]);
  });
});
