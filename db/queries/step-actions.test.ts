import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { syncModelVersions } from "./model-versions";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { addTeamMember } from "./team-members";
import { listAuditEvents } from "./audit";
import { createTeam, setTeamArchived } from "./teams";
import { improvementActions } from "../schema";
import { level, notApplicable, testModel } from "@/lib/test-models";
import type { AnswerValue } from "@/lib/answer";
import type { Model } from "@/lib/model/schema";
import { createActionFromStep, listTeamActions, updateAction } from "./improvement-actions";

const [model] = withContentId("step-actions-test", [
  testModel({
    areas: [
      { id: "build", name: "Build", questions: 2 },
      { id: "run", name: "Run", questions: 2 },
    ],
  }),
]) as [Model];

// Build: 2 and 5 (at the top); Run: 1 and not applicable.
const answered: [string, AnswerValue][] = [
  ["build-q1", level(2)],
  ["build-q2", level(5)],
  ["run-q1", level(1)],
  ["run-q2", notApplicable("No servers")],
];

describe.each(drivers)("a next step as an action on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  async function setup({ submit = true } = {}) {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const assessmentId = await startAssessment(t.ctx(org), team.id, model.id);
    for (const [questionId, answer] of answered) await saveAnswer(t.ctx(org), { assessmentId, questionId, answer, note: null });
    if (submit) await submitAssessment(t.ctx(org), assessmentId);
    return { org, teamId: team.id, assessmentId };
  }
  const stored = (assessmentId: string) => t.handle.db.select().from(improvementActions).where(eq(improvementActions.assessmentId, assessmentId));
  const audited = async (org: string) => (await listAuditEvents(t.ctx(org))).filter((e) => e.action === "action.created").map((e) => e.summary);

  it("adds the step as a planned action aimed at its question, without owner or due date, after the others", async () => {
    const { org, teamId, assessmentId } = await setup();
    const first = await createActionFromStep(t.ctx(org), { assessmentId, questionId: "run-q1" });
    const second = await createActionFromStep(t.ctx(org), { assessmentId, questionId: "build-q1" });
    expect([first.created, second.created]).toEqual([true, true]);

    const listed = await listTeamActions(t.ctx(org), teamId);
    expect(listed.map((a) => [a.id, a.title, a.description, a.areaId, a.questionId, a.status, a.ownerName, a.dueOn, a.position])).toEqual([
      [first.id, "Question run-q1: reach Level 2", "Step to 2", "run", "run-q1", "planned", null, null, 0],
      [second.id, "Question build-q1: reach Level 3", "Step to 3", "build", "build-q1", "planned", null, null, 1],
    ]);
    expect(await audited(org)).toEqual([
      "Added the action “Question build-q1: reach Level 3” for team “Payments”",
      "Added the action “Question run-q1: reach Level 2” for team “Payments”",
    ]);
  });

  it("does not add a step twice while its action is open, and adds it again once that action is done", async () => {
    const { org, teamId, assessmentId } = await setup();
    const added = await createActionFromStep(t.ctx(org), { assessmentId, questionId: "run-q1" });
    expect(await createActionFromStep(t.ctx(org), { assessmentId, questionId: "run-q1" })).toEqual({ id: added.id, created: false });
    expect(await stored(assessmentId)).toHaveLength(1);
    expect(await audited(org)).toHaveLength(1);

    const [action] = await listTeamActions(t.ctx(org), teamId);
    await updateAction(t.ctx(org), {
      actionId: added.id,
      title: action!.title,
      description: null,
      owner: null,
      dueOn: null,
      status: "done",
      aim: { kind: "question", id: "run-q1" },
    });
    const again = await createActionFromStep(t.ctx(org), { assessmentId, questionId: "run-q1" });
    expect(again.created).toBe(true);
    expect(again.id).not.toBe(added.id);
  });

  it("refuses a question outside the model, at the top level or not applicable, and a draft, writing nothing", async () => {
    const { org, teamId, assessmentId } = await setup();
    await expectAppError(
      createActionFromStep(t.ctx(org), { assessmentId, questionId: "deploy-q1" }),
      "invalid_input",
      "That question is not in this assessment's model.",
    );
    await expectAppError(createActionFromStep(t.ctx(org), { assessmentId, questionId: "build-q2" }), "invalid_input", /already at the top level/);
    await expectAppError(createActionFromStep(t.ctx(org), { assessmentId, questionId: "run-q2" }), "invalid_input", /not applicable/);
    const other = await createTeam(t.ctx(org), "Search");
    const draft = await startAssessment(t.ctx(org), other.id, model.id);
    await expectAppError(createActionFromStep(t.ctx(org), { assessmentId: draft, questionId: "build-q1" }), "invalid_input", /Submit this one first/);
    expect(await stored(assessmentId)).toEqual([]);
    expect(await stored(draft)).toEqual([]);
    expect(await listTeamActions(t.ctx(org), teamId)).toEqual([]);
    expect(await audited(org)).toEqual([]);
  });

  it("refuses another organisation, a viewer, a member outside the team and an archived team, writing nothing", async () => {
    const { org, teamId, assessmentId } = await setup();
    const stranger = await t.organisation();
    await expectAppError(createActionFromStep(t.ctx(stranger), { assessmentId, questionId: "run-q1" }), "not_found", "The assessment was not found.");
    const viewer = await t.member(org, "viewer");
    await addTeamMember(t.ctx(org), teamId, viewer);
    const outsider = await t.member(org, "member");
    for (const ctx of [t.as(org, viewer, "viewer"), t.as(org, outsider, "member")]) {
      await expectAppError(createActionFromStep(ctx, { assessmentId, questionId: "run-q1" }), "forbidden", /Only the team's members/);
    }
    await setTeamArchived(t.ctx(org), teamId, true);
    await expectAppError(createActionFromStep(t.ctx(org), { assessmentId, questionId: "run-q1" }), "read_only", /Restore the team/);
    expect(await stored(assessmentId)).toEqual([]);
    expect(await audited(org)).toEqual([]);
    expect(await audited(stranger)).toEqual([]);
    // A member of the team may.
    await setTeamArchived(t.ctx(org), teamId, false);
    const lead = await t.member(org, "member");
    await addTeamMember(t.ctx(org), teamId, lead);
    expect((await createActionFromStep(t.as(org, lead, "member"), { assessmentId, questionId: "run-q1" })).created).toBe(true);
  });
});
