import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { syncModelVersions } from "./model-versions";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { addTeamMember } from "./team-members";
import { listAuditEvents } from "./audit";
import { createTeam, setTeamArchived } from "./teams";
import { addAnnotation, listAnnotations, removeAnnotation } from "./annotations";
import { setTarget } from "./targets";
import { assessments, improvementActions, members } from "../schema";
import { level, testModel } from "@/lib/test-models";
import type { Model } from "@/lib/model/schema";
import type { CreateActionInput, UpdateActionInput } from "@/lib/validation/improvement";
import { createAction, listTeamActions, moveAction, updateAction } from "./improvement-actions";

const [model] = withContentId("actions-test", [
  testModel({
    areas: [
      { id: "build", name: "Build", questions: 2 },
      { id: "run", name: "Run", questions: 1 },
    ],
  }),
]) as [Model];

describe.each(drivers)("improvement actions on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  async function assessment(org: string, teamId: string, submit = true) {
    const id = await startAssessment(t.ctx(org), teamId, model.id);
    for (const questionId of ["build-q1", "build-q2", "run-q1"]) await saveAnswer(t.ctx(org), { assessmentId: id, questionId, answer: level(3), note: null });
    if (submit) await submitAssessment(t.ctx(org), id);
    return id;
  }

  async function setup() {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    return { org, teamId: team.id, assessmentId: await assessment(org, team.id) };
  }

  const input = (assessmentId: string, over: Partial<CreateActionInput> = {}): CreateActionInput => ({
    assessmentId,
    title: "Add alerting",
    description: null,
    owner: null,
    dueOn: null,
    status: "planned",
    aim: { kind: "area", id: "run" },
    ...over,
  });
  const stored = (assessmentId: string) => t.handle.db.select().from(improvementActions).where(eq(improvementActions.assessmentId, assessmentId));
  const audited = async (org: string, action: string) => (await listAuditEvents(t.ctx(org))).filter((e) => e.action === action).map((e) => e.summary);

  it("creates actions owned by a member, by a named person or by nobody, aimed at an area or a question, in order", async () => {
    const { org, teamId, assessmentId } = await setup();
    const ada = await t.member(org, "member", "Ada Lovelace");
    const first = await createAction(
      t.ctx(org),
      input(assessmentId, { title: "Page on-call", owner: { userId: ada }, dueOn: "2026-09-30", description: "Rota in PagerDuty" }),
    );
    const second = await createAction(
      t.ctx(org),
      input(assessmentId, { title: "Trunk-based", owner: { text: "Platform guild" }, aim: { kind: "question", id: "build-q2" }, status: "in_progress" }),
    );
    const third = await createAction(t.ctx(org), input(assessmentId, { title: "Runbooks" }));

    const listed = await listTeamActions(t.ctx(org), teamId);
    expect(listed.map((a) => [a.id, a.title, a.position, a.ownerUserId, a.ownerName, a.areaId, a.questionId, a.status])).toEqual([
      [first.id, "Page on-call", 0, ada, "Ada Lovelace", "run", null, "planned"],
      [second.id, "Trunk-based", 1, null, "Platform guild", "build", "build-q2", "in_progress"],
      [third.id, "Runbooks", 2, null, null, "run", null, "planned"],
    ]);
    expect(listed[0]).toMatchObject({ assessmentId, dueOn: "2026-09-30", description: "Rota in PagerDuty" });
    const [row] = await stored(assessmentId).then((rows) => rows.filter((r) => r.id === second.id));
    expect(row).toMatchObject({ ownerUserId: null, ownerText: "Platform guild", organisationId: org, teamId });
    expect(await audited(org, "action.created")).toEqual([
      "Added the action “Runbooks” for team “Payments”",
      "Added the action “Trunk-based” for team “Payments”",
      "Added the action “Page on-call” for team “Payments”",
    ]);
  });

  it("refuses an owner from another organisation, an aim outside the model and a draft, and writes nothing", async () => {
    const { org, teamId, assessmentId } = await setup();
    const foreigner = await t.member(await t.organisation(), "member", "Eve");
    const error = await expectAppError(
      createAction(t.ctx(org), input(assessmentId, { owner: { userId: foreigner } })),
      "invalid_input",
      /not a member of this organisation/,
    );
    expect(error.fieldErrors?.owner).toEqual([error.message]);
    const question = await expectAppError(
      createAction(t.ctx(org), input(assessmentId, { aim: { kind: "question", id: "deploy-q1" } })),
      "invalid_input",
      /question is not in this assessment's model/,
    );
    expect(question.fieldErrors?.aim).toHaveLength(1);
    await expectAppError(
      createAction(t.ctx(org), input(assessmentId, { aim: { kind: "area", id: "deploy" } })),
      "invalid_input",
      /area is not in this assessment's model/,
    );
    const draft = await assessment(org, teamId, false);
    await expectAppError(createAction(t.ctx(org), input(draft)), "invalid_input", /Submit this one first/);

    expect(await stored(assessmentId)).toEqual([]);
    expect(await stored(draft)).toEqual([]);
    expect(await audited(org, "action.created")).toEqual([]);
  });

  it("moves an action up or down by swapping places, and leaves it at either end", async () => {
    const { org, teamId, assessmentId } = await setup();
    const ids: string[] = [];
    for (const title of ["A", "B", "C"]) ids.push((await createAction(t.ctx(org), input(assessmentId, { title }))).id);
    const order = async () => (await listTeamActions(t.ctx(org), teamId)).map((x) => `${x.title}${x.position}`);

    await moveAction(t.ctx(org), { actionId: ids[2]!, direction: "up" });
    expect(await order()).toEqual(["A0", "C1", "B2"]);
    await moveAction(t.ctx(org), { actionId: ids[0]!, direction: "down" });
    expect(await order()).toEqual(["C0", "A1", "B2"]);
    await moveAction(t.ctx(org), { actionId: ids[2]!, direction: "up" });
    await moveAction(t.ctx(org), { actionId: ids[1]!, direction: "down" });
    expect(await order()).toEqual(["C0", "A1", "B2"]);
    expect(await audited(org, "action.changed")).toEqual(["Moved the action “A” down for team “Payments”", "Moved the action “C” up for team “Payments”"]);
  });

  it("changes an action, recording its completion once and other changes as changes", async () => {
    const { org, teamId, assessmentId } = await setup();
    const { id } = await createAction(t.ctx(org), input(assessmentId, { owner: { text: "Somebody" } }));
    const grace = await t.member(org, "member", "Grace Hopper");
    const change = (over: Partial<UpdateActionInput>): UpdateActionInput => ({ ...input(assessmentId), actionId: id, ...over });

    expect(
      await updateAction(
        t.ctx(org),
        change({
          title: "Alert on SLOs",
          description: "Burn rate",
          owner: { userId: grace },
          dueOn: "2026-10-01",
          status: "in_progress",
          aim: { kind: "question", id: "build-q1" },
        }),
      ),
    ).toEqual({ status: "in_progress" });
    const [changed] = await listTeamActions(t.ctx(org), teamId);
    expect(changed).toMatchObject({
      title: "Alert on SLOs",
      description: "Burn rate",
      ownerUserId: grace,
      ownerName: "Grace Hopper",
      dueOn: "2026-10-01",
      status: "in_progress",
      areaId: "build",
      questionId: "build-q1",
    });
    expect((await stored(assessmentId))[0]?.ownerText).toBeNull();

    await updateAction(t.ctx(org), change({ title: "Alert on SLOs", status: "done" }));
    await updateAction(t.ctx(org), change({ title: "Alert on SLOs, all services", status: "done" }));
    const [done] = await listTeamActions(t.ctx(org), teamId);
    expect(done).toMatchObject({
      title: "Alert on SLOs, all services",
      status: "done",
      ownerName: null,
      description: null,
      dueOn: null,
      areaId: "run",
      questionId: null,
    });
    expect(await audited(org, "action.completed")).toEqual(["Completed the action “Alert on SLOs” for team “Payments” (in progress → done)"]);
    expect(await audited(org, "action.changed")).toEqual([
      "Changed the action “Alert on SLOs, all services” for team “Payments”",
      "Changed the action “Alert on SLOs” for team “Payments” (planned → in progress)",
    ]);
  });

  it("lists a team's actions across cycles: by submission, then position, agreed on the assessment's submission", async () => {
    const { org, teamId, assessmentId: first } = await setup();
    const second = await assessment(org, teamId);
    const [firstAt, secondAt] = [new Date("2026-01-10T10:00:00Z"), new Date("2026-04-10T10:00:00Z")];
    await t.handle.db.update(assessments).set({ submittedAt: firstAt }).where(eq(assessments.id, first));
    await t.handle.db.update(assessments).set({ submittedAt: secondAt }).where(eq(assessments.id, second));
    // Created newest cycle first: the list still follows the cycles.
    await createAction(t.ctx(org), input(second, { title: "Later 1" }));
    await createAction(t.ctx(org), input(first, { title: "Early 1" }));
    await createAction(t.ctx(org), input(second, { title: "Later 2" }));
    await createAction(t.ctx(org), input(first, { title: "Early 2" }));
    const otherTeam = await createTeam(t.ctx(org), "Search");
    await createAction(t.ctx(org), input(await assessment(org, otherTeam.id), { title: "Elsewhere" }));

    const listed = await listTeamActions(t.ctx(org), teamId);
    expect(listed.map((a) => [a.title, a.assessmentId, a.position, a.agreedOn])).toEqual([
      ["Early 1", first, 0, firstAt.toISOString()],
      ["Early 2", first, 1, firstAt.toISOString()],
      ["Later 1", second, 0, secondAt.toISOString()],
      ["Later 2", second, 1, secondAt.toISOString()],
    ]);
  });

  it("lets only the team's lead change actions, and keeps another organisation's out of reach", async () => {
    const { org, teamId, assessmentId } = await setup();
    const { id } = await createAction(t.ctx(org), input(assessmentId, { title: "Original" }));
    const viewer = await t.member(org, "viewer");
    await addTeamMember(t.ctx(org), teamId, viewer);
    const outsider = await t.member(org, "member");
    for (const ctx of [t.as(org, viewer, "viewer"), t.as(org, outsider, "member")]) {
      await expectAppError(createAction(ctx, input(assessmentId, { title: "Sneaky" })), "forbidden", /Only the team's members/);
      await expectAppError(updateAction(ctx, { ...input(assessmentId, { title: "Sneaky" }), actionId: id }), "forbidden", /Only the team's members/);
      await expectAppError(moveAction(ctx, { actionId: id, direction: "up" }), "forbidden");
    }
    const stranger = await t.organisation();
    await expectAppError(createAction(t.ctx(stranger), input(assessmentId)), "not_found", "The assessment was not found.");
    await expectAppError(
      updateAction(t.ctx(stranger), { ...input(assessmentId, { title: "Hijacked" }), actionId: id }),
      "not_found",
      "The action was not found.",
    );
    await expectAppError(moveAction(t.ctx(stranger), { actionId: id, direction: "down" }), "not_found", "The action was not found.");
    expect(await listTeamActions(t.ctx(stranger), teamId)).toEqual([]);

    expect((await stored(assessmentId)).map((a) => a.title)).toEqual(["Original"]);
    expect(await audited(org, "action.changed")).toEqual([]);
    expect(await audited(stranger, "action.created")).toEqual([]);
    // A member of the team may.
    const lead = await t.member(org, "member");
    await addTeamMember(t.ctx(org), teamId, lead);
    await updateAction(t.as(org, lead, "member"), { ...input(assessmentId, { title: "Renamed" }), actionId: id });
    expect((await stored(assessmentId)).map((a) => a.title)).toEqual(["Renamed"]);
  });

  it("keeps an archived team's plan as it is: no target, action or note changes until it is restored", async () => {
    const { org, teamId, assessmentId } = await setup();
    const action = await createAction(t.ctx(org), input(assessmentId));
    await createAction(t.ctx(org), input(assessmentId, { title: "Second" }));
    const note = await addAnnotation(t.ctx(org), { teamId, on: "2026-04-01", text: "kept" });
    await setTeamArchived(t.ctx(org), teamId, true);
    const { title: _title, assessmentId: _assessment, ...rest } = input(assessmentId);
    await expectAppError(setTarget(t.ctx(org), { assessmentId, level: 4, dueOn: "2099-01-01" }), "read_only", /archived/);
    await expectAppError(createAction(t.ctx(org), input(assessmentId, { title: "More" })), "read_only", /Restore the team/);
    await expectAppError(updateAction(t.ctx(org), { ...rest, actionId: action.id, title: "Renamed" }), "read_only");
    await expectAppError(moveAction(t.ctx(org), { actionId: action.id, direction: "down" }), "read_only");
    await expectAppError(addAnnotation(t.ctx(org), { teamId, on: "2026-05-01", text: "reorg" }), "read_only");
    await expectAppError(removeAnnotation(t.ctx(org), note.id), "read_only");
    expect((await listTeamActions(t.ctx(org), teamId)).map((a) => a.title)).toEqual(["Add alerting", "Second"]);
    expect((await listAnnotations(t.ctx(org), teamId)).map((n) => n.text)).toEqual(["kept"]);
    await setTeamArchived(t.ctx(org), teamId, false);
    await createAction(t.ctx(org), input(assessmentId, { title: "More" }));
  });

  it("keeps an owner who has since left the organisation when the action is edited without changing them", async () => {
    const { org, teamId, assessmentId } = await setup();
    const leaver = await t.member(org, "member", "Grace Hopper");
    const action = await createAction(t.ctx(org), input(assessmentId, { owner: { userId: leaver } }));
    await t.handle.db.delete(members).where(and(eq(members.organisationId, org), eq(members.userId, leaver)));
    const { title: _title, assessmentId: _assessment, ...rest } = input(assessmentId);
    await updateAction(t.ctx(org), { ...rest, actionId: action.id, title: "Renamed", owner: { userId: leaver } });
    expect((await listTeamActions(t.ctx(org), teamId))[0]).toMatchObject({ title: "Renamed", ownerUserId: leaver, ownerName: "Grace Hopper" });
    // Giving it to them anew is refused: they are no longer a member.
    const other = await createAction(t.ctx(org), input(assessmentId, { title: "Other" }));
    await expectAppError(updateAction(t.ctx(org), { ...rest, actionId: other.id, title: "Other", owner: { userId: leaver } }), "invalid_input", /not a member/);
  });
});
