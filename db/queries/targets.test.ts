import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { syncModelVersions } from "./model-versions";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { addTeamMember } from "./team-members";
import { listAuditEvents } from "./audit";
import { createTeam } from "./teams";
import { assessments, targets } from "../schema";
import { level, notApplicable, testModel } from "@/lib/test-models";
import type { AnswerValue } from "@/lib/answer";
import type { Model } from "@/lib/model/schema";
import { listTeamTargets, setTarget } from "./targets";

const [model] = withContentId("targets-test", [
  testModel({
    areas: [
      { id: "build", name: "Build", questions: 2 },
      { id: "run", name: "Run", questions: 1 },
      { id: "learn", name: "Learn", questions: 1 },
    ],
  }),
]) as [Model];

// Run and Learn share the water level (2.0); Run comes first in the model, so it is the primary weakest stave.
const answers: Record<string, AnswerValue> = { "build-q1": level(4), "build-q2": level(5), "run-q1": level(2), "learn-q1": level(2) };
const now = new Date("2026-05-10T12:00:00Z");

describe.each(drivers)("targets on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  async function assessment(org: string, teamId: string, given: Record<string, AnswerValue> = answers, submit = true) {
    const id = await startAssessment(t.ctx(org), teamId, model.id);
    for (const [questionId, answer] of Object.entries(given)) await saveAnswer(t.ctx(org), { assessmentId: id, questionId, answer, note: null });
    if (submit) await submitAssessment(t.ctx(org), id);
    return id;
  }

  async function team(org: string, name = "Payments") {
    const created = await createTeam(t.ctx(org), name);
    return created.id;
  }

  const auditActions = async (org: string) => (await listAuditEvents(t.ctx(org))).filter((e) => e.action === "target.set");
  const storedTargets = (assessmentId: string) => t.handle.db.select().from(targets).where(eq(targets.assessmentId, assessmentId));

  it("sets a target for the primary weakest stave, lists it with the area's name, and replaces it when set again", async () => {
    const org = await t.organisation();
    const teamId = await team(org);
    const id = await assessment(org, teamId);
    const lead = await t.member(org, "member");
    await addTeamMember(t.ctx(org), teamId, lead);

    const set = await setTarget(t.as(org, lead, "member"), { assessmentId: id, level: 3, dueOn: "2026-12-31" }, now);
    const [submitted] = await t.handle.db.select({ at: assessments.submittedAt }).from(assessments).where(eq(assessments.id, id));
    expect(set).toEqual({
      assessmentId: id,
      areaId: "run",
      areaName: "Run",
      fromScore: 2,
      level: 3,
      dueOn: "2026-12-31",
      setOn: now.toISOString(),
      assessedOn: submitted!.at!.toISOString(),
    });
    expect(await listTeamTargets(t.ctx(org), teamId)).toEqual([set]);
    const [stored] = await storedTargets(id);
    expect(stored).toMatchObject({ organisationId: org, areaId: "run", fromScore: 2, level: 3, dueOn: "2026-12-31" });

    const later = new Date("2026-06-01T09:00:00Z");
    await setTarget(t.ctx(org), { assessmentId: id, level: 4, dueOn: "2027-03-31" }, later);
    expect(await storedTargets(id)).toHaveLength(1);
    expect(await listTeamTargets(t.ctx(org), teamId)).toEqual([
      {
        assessmentId: id,
        areaId: "run",
        areaName: "Run",
        fromScore: 2,
        level: 4,
        dueOn: "2027-03-31",
        setOn: later.toISOString(),
        assessedOn: submitted!.at!.toISOString(),
      },
    ]);

    expect((await auditActions(org)).map((e) => e.summary)).toEqual([
      "Set a target for team “Payments”: Run to level 4 by 31 Mar 2027",
      "Set a target for team “Payments”: Run to level 3 by 31 Dec 2026",
    ]);
    // The boundary: exactly three years ahead is allowed.
    await setTarget(t.ctx(org), { assessmentId: id, level: 3, dueOn: "2029-05-10" }, now);
    expect((await storedTargets(id))[0]).toMatchObject({ level: 3, dueOn: "2029-05-10" });
  });

  it("lists a team's targets oldest assessment first, and only that team's; a target is set on the newest assessment only", async () => {
    const org = await t.organisation();
    const teamId = await team(org);
    const otherTeam = await team(org, "Search");
    const first = await assessment(org, teamId);
    await setTarget(t.ctx(org), { assessmentId: first, level: 3, dueOn: "2026-12-31" }, now);
    const second = await assessment(org, teamId, { ...answers, "run-q1": level(4), "learn-q1": level(3) });
    const elsewhere = await assessment(org, otherTeam);
    await setTarget(t.ctx(org), { assessmentId: second, level: 4, dueOn: "2026-12-31" }, now);
    await setTarget(t.ctx(org), { assessmentId: elsewhere, level: 3, dueOn: "2026-12-31" }, now);
    // Once a newer assessment is in, the older one's target stays as it was set.
    await expectAppError(
      setTarget(t.ctx(org), { assessmentId: first, level: 4, dueOn: "2026-12-31" }, now),
      "invalid_input",
      /set on the team's newest assessment/,
    );

    const listed = await listTeamTargets(t.ctx(org), teamId);
    expect(listed.map((x) => [x.assessmentId, x.areaId, x.areaName, x.fromScore])).toEqual([
      [first, "run", "Run", 2],
      [second, "learn", "Learn", 3],
    ]);
    // Another organisation sees none of them, even with the team's id.
    expect(await listTeamTargets(t.ctx(await t.organisation()), teamId)).toEqual([]);
  });

  it("refuses a level or date out of bounds, with a message for the field, and writes nothing", async () => {
    const org = await t.organisation();
    const teamId = await team(org);
    const id = await assessment(org, teamId);
    const refuse = (level: number, dueOn: string) => setTarget(t.ctx(org), { assessmentId: id, level, dueOn }, now);

    const atScore = await expectAppError(refuse(2, "2026-12-31"), "invalid_input", /must be above the weakest stave's current score \(2\.0\)/);
    expect(atScore.fieldErrors).toEqual({ level: [atScore.message] });
    const below = await expectAppError(refuse(1, "2026-12-31"), "invalid_input", /above the weakest stave's current score/);
    expect(below.fieldErrors?.level).toHaveLength(1);
    const aboveScale = await expectAppError(refuse(6, "2026-12-31"), "invalid_input", /The scale stops at 5/);
    expect(aboveScale.fieldErrors).toEqual({ level: ["The scale stops at 5: a target can be at most 5."] });

    const today = await expectAppError(refuse(3, "2026-05-10"), "invalid_input", /must be after 2026-05-10/);
    expect(today.fieldErrors).toEqual({ dueOn: [today.message] });
    await expectAppError(refuse(3, "2026-05-09"), "invalid_input", /must be after 2026-05-10/);
    const tooFar = await expectAppError(refuse(3, "2029-05-11"), "invalid_input", /at most three years ahead/);
    expect(tooFar.fieldErrors).toEqual({ dueOn: ["The target date can be at most three years ahead."] });

    // Both wrong: both fields are told.
    const both = await expectAppError(refuse(2, "2026-05-10"), "invalid_input");
    expect(Object.keys(both.fieldErrors ?? {}).sort()).toEqual(["dueOn", "level"]);

    expect(await storedTargets(id)).toEqual([]);
    expect(await auditActions(org)).toEqual([]);
  });

  it("refuses an assessment with no scored area (all not applicable)", async () => {
    const org = await t.organisation();
    const teamId = await team(org);
    const id = await assessment(org, teamId, Object.fromEntries(Object.keys(answers).map((q) => [q, notApplicable()])));

    await expectAppError(setTarget(t.ctx(org), { assessmentId: id, level: 3, dueOn: "2026-12-31" }, now), "invalid_input", /No area was scored/);
    expect(await storedTargets(id)).toEqual([]);
  });

  it("refuses a draft, a viewer, a member outside the team and another organisation, and writes nothing", async () => {
    const org = await t.organisation();
    const teamId = await team(org);
    const id = await assessment(org, teamId);
    const draft = await assessment(org, teamId, { "build-q1": level(3) }, false);
    const input = { assessmentId: id, level: 3, dueOn: "2026-12-31" };

    await expectAppError(setTarget(t.ctx(org), { ...input, assessmentId: draft }, now), "invalid_input", /submitted assessment\. Submit this one first/);
    const viewer = await t.member(org, "viewer");
    await addTeamMember(t.ctx(org), teamId, viewer);
    await expectAppError(setTarget(t.as(org, viewer, "viewer"), input, now), "forbidden", /Only the team's members, facilitators, admins and owners/);
    const outsider = await t.member(org, "member");
    await expectAppError(setTarget(t.as(org, outsider, "member"), input, now), "forbidden", /Only the team's members/);
    const stranger = await t.organisation();
    await expectAppError(setTarget(t.ctx(stranger), input, now), "not_found", "The assessment was not found.");

    expect(await storedTargets(id)).toEqual([]);
    expect(await storedTargets(draft)).toEqual([]);
    expect(await auditActions(org)).toEqual([]);
    expect(await auditActions(stranger)).toEqual([]);
    // A facilitator leads every team without belonging to it.
    await setTarget(t.as(org, await t.member(org, "facilitator"), "facilitator"), input, now);
    expect(await storedTargets(id)).toHaveLength(1);
  });
});
