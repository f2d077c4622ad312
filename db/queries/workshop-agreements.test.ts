import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { isoDate } from "@/lib/format";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import type { RecordAgreementInput } from "@/lib/validation/workshop-agreement";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { assessments, workshopAgreements } from "../schema";
import { startAssessment, submitAssessment } from "./assessments";
import { saveAnswer } from "./answers";
import { listAuditEvents } from "./audit";
import { listTeamActions } from "./improvement-actions";
import { syncModelVersions } from "./model-versions";
import { listTeamTargets } from "./targets";
import { addTeamMember } from "./team-members";
import { createTeam } from "./teams";
import { recordAgreement, workshopAgreement } from "./workshop-agreements";
import { workshopReportInput } from "./workshop-report";
import { endWorkshop, openWorkshop } from "./workshops";

const [model] = withContentId("workshop-agreement-test", [
  testModel({
    areas: [
      { id: "a", questions: 2 },
      { id: "b", questions: 1 },
    ],
  }),
]) as [Model];

const daysAhead = (days: number) => isoDate(new Date(Date.now() + days * 86_400_000));

describe.each(drivers)("a workshop's agreed next bottleneck on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [model]);
  });

  /** A team's draft with a-q1 and a-q2 answered at 2, run as a workshop that has ended. */
  async function ended() {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const assessmentId = await startAssessment(t.ctx(org), team.id, model.id);
    for (const q of ["a-q1", "a-q2"]) await saveAnswer(t.ctx(org), { assessmentId, questionId: q, answer: level(2), note: null });
    const facilitator = t.as(org, await t.member(org, "facilitator", "Fran Facilitator"), "facilitator");
    const workshop = await openWorkshop(facilitator, { assessmentId, anonymity: "named", autoReveal: true });
    await endWorkshop(facilitator, workshop.id);
    const agree = (over: Partial<RecordAgreementInput> = {}): RecordAgreementInput => ({
      workshopId: workshop.id,
      areaId: "a",
      level: 3,
      dueOn: daysAhead(90),
      actions: [
        { title: "Run the pipeline on every branch", ownerText: "Ana", dueOn: daysAhead(30) },
        { title: "Publish the build dashboard", ownerText: null, dueOn: null },
      ],
      ...over,
    });
    const answerTheRest = (lvl = 3) => saveAnswer(t.ctx(org), { assessmentId, questionId: "b-q1", answer: level(lvl), note: null });
    return { org, teamId: team.id, assessmentId, facilitator, workshop, agree, answerTheRest };
  }

  it("records the agreement on an ended workshop's draft, replaces it when recorded again, and audits it", async () => {
    const { org, facilitator, workshop, agree } = await ended();
    const recorded = await recordAgreement(facilitator, agree());
    expect(recorded).toMatchObject({ areaId: "a", areaName: model.areas[0]!.name, fromScore: 2, level: 3, appliedAt: null });
    expect(recorded.actions).toHaveLength(2);
    // The area with no answer yet can be agreed too: any level above the bottom of the scale.
    await recordAgreement(facilitator, agree({ areaId: "b", level: 2, actions: [{ title: "Write the runbook", ownerText: null, dueOn: null }] }));
    expect(await workshopAgreement(t.ctx(org), workshop.id, model)).toMatchObject({
      areaId: "b",
      fromScore: null,
      level: 2,
      actions: [{ title: "Write the runbook" }],
    });
    expect((await t.handle.db.select().from(workshopAgreements).where(eq(workshopAgreements.workshopId, workshop.id))).length).toBe(1);
    expect((await listAuditEvents(t.ctx(org))).filter((e) => e.action === "workshop.agreed")).toHaveLength(2);
    // The report carries it.
    expect((await workshopReportInput(t.ctx(org), workshop.id)).agreement).toMatchObject({ areaId: "b", level: 2 });
  });

  it("refuses an area outside the model, a level not above the area's score or off the scale, and a date not ahead", async () => {
    const { facilitator, agree } = await ended();
    await expectAppError(recordAgreement(facilitator, agree({ areaId: "nope" })), "invalid_input", /not in this assessment's model/);
    const low = await expectAppError(recordAgreement(facilitator, agree({ level: 2 })), "invalid_input", /above .*current score \(2\.0\)/);
    expect(low.fieldErrors).toHaveProperty("level");
    await expectAppError(recordAgreement(facilitator, agree({ level: 6 })), "invalid_input", /scale stops at 5/);
    await expectAppError(recordAgreement(facilitator, agree({ areaId: "b", level: 1 })), "invalid_input", /above the bottom of the scale/);
    const past = await expectAppError(recordAgreement(facilitator, agree({ dueOn: daysAhead(-1) })), "invalid_input", /must be after/);
    expect(past.fieldErrors).toHaveProperty("dueOn");
    await expectAppError(recordAgreement(facilitator, agree({ dueOn: isoDate(new Date()) })), "invalid_input", /must be after/);
  });

  it("lets only the one who ran the workshop (or an owner or admin) record it", async () => {
    const { org, teamId, workshop, agree } = await ended();
    const teamMember = await t.member(org, "member");
    await addTeamMember(t.ctx(org), teamId, teamMember);
    await expectAppError(recordAgreement(t.as(org, teamMember, "member"), agree()), "forbidden", /run by the person who opened it/);
    await expectAppError(recordAgreement(t.as(org, await t.member(org, "member"), "member"), agree()), "forbidden", /run its workshop/);
    await expectAppError(recordAgreement(t.as(org, await t.member(org, "viewer"), "viewer"), agree()), "forbidden");
    await expectAppError(recordAgreement(t.ctx(await t.organisation()), agree()), "not_found");
    expect(await workshopAgreement(t.ctx(org), workshop.id, model)).toBeNull();
    await recordAgreement(t.as(org, await t.member(org, "admin"), "admin"), agree());
    expect(await workshopAgreement(t.ctx(org), workshop.id, model)).toMatchObject({ level: 3 });
  });

  it("becomes the assessment's target and actions when it is submitted, and is final from then on", async () => {
    const { org, teamId, assessmentId, facilitator, workshop, agree, answerTheRest } = await ended();
    // The room agreed to raise b, which is not the weakest stave once answered (a: 2.0, b: 3.0).
    await recordAgreement(facilitator, agree({ areaId: "b", level: 4 }));
    await answerTheRest(3);
    await submitAssessment(t.ctx(org), assessmentId);
    expect(await listTeamTargets(t.ctx(org), teamId)).toEqual([
      expect.objectContaining({ assessmentId, areaId: "b", fromScore: 3, level: 4, dueOn: daysAhead(90) }),
    ]);
    const actions = await listTeamActions(t.ctx(org), teamId);
    expect(actions.map((a) => [a.title, a.ownerName, a.dueOn, a.areaId, a.status])).toEqual([
      ["Run the pipeline on every branch", "Ana", daysAhead(30), "b", "planned"],
      ["Publish the build dashboard", null, null, "b", "planned"],
    ]);
    expect((await workshopAgreement(t.ctx(org), workshop.id, model))!.appliedAt).not.toBeNull();
    expect((await listAuditEvents(t.ctx(org))).map((e) => e.action)).toEqual(expect.arrayContaining(["target.set", "action.created", "assessment.submitted"]));
    await expectAppError(recordAgreement(facilitator, agree({ areaId: "b", level: 5 })), "read_only", /change them on its results/);
    expect(await listTeamActions(t.ctx(org), teamId)).toHaveLength(2);
  });

  it("refuses the submission when the agreed target is no longer above the area's score, keeping the draft", async () => {
    const { org, teamId, assessmentId, facilitator, agree, answerTheRest } = await ended();
    await recordAgreement(facilitator, agree({ areaId: "b", level: 3 }));
    await answerTheRest(4);
    await expectAppError(submitAssessment(t.ctx(org), assessmentId), "invalid_input", /The workshop agreed: Raise .* to level 3.*Change the agreement/);
    const [draft] = await t.handle.db.select({ status: assessments.status }).from(assessments).where(eq(assessments.id, assessmentId));
    expect(draft!.status).toBe("draft");
    expect(await listTeamTargets(t.ctx(org), teamId)).toEqual([]);
    // Agreed again, higher: the submission goes through with it.
    await recordAgreement(facilitator, agree({ areaId: "b", level: 5 }));
    await submitAssessment(t.ctx(org), assessmentId);
    expect(await listTeamTargets(t.ctx(org), teamId)).toEqual([expect.objectContaining({ areaId: "b", level: 5 })]);
  });

  it("writes the target and actions at once when the assessment was already submitted", async () => {
    const { org, teamId, assessmentId, facilitator, workshop, agree, answerTheRest } = await ended();
    await answerTheRest(3);
    await submitAssessment(t.ctx(org), assessmentId);
    expect(await listTeamTargets(t.ctx(org), teamId)).toEqual([]);
    const recorded = await recordAgreement(
      facilitator,
      agree({ areaId: "a", level: 4, actions: [{ title: "Cache the builds", ownerText: "Ben", dueOn: null }] }),
    );
    expect(recorded.appliedAt).not.toBeNull();
    expect(await listTeamTargets(t.ctx(org), teamId)).toEqual([expect.objectContaining({ areaId: "a", fromScore: 2, level: 4 })]);
    expect((await listTeamActions(t.ctx(org), teamId)).map((a) => [a.title, a.ownerName])).toEqual([["Cache the builds", "Ben"]]);
    expect((await workshopReportInput(t.ctx(org), workshop.id)).agreement).toMatchObject({ level: 4, appliedAt: recorded.appliedAt });
    await expectAppError(recordAgreement(facilitator, agree()), "read_only");
  });
});
