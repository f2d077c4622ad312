import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { assessments } from "../schema";
import { drivers, useTestDatabase, withContentId } from "../test-db";
import type { Ctx } from "../context";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { syncModelVersions } from "./model-versions";
import { addTeamMember } from "./team-members";
import { listTeamCards } from "./team-cards";
import { createTeam } from "./teams";

const [core, other] = withContentId("team-cards-test", [
  testModel({
    areas: [
      { id: "build", name: "Build", questions: 1 },
      { id: "run", name: "Run", questions: 1 },
    ],
  }),
  testModel({ id: "other", areas: [{ id: "only", questions: 1 }] }),
]) as [Model, Model];
const otherModel = { ...other, id: `${core.id}-other` };

describe.each(drivers)("team cards on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [core, otherModel]);
  });

  /** Submits an assessment of the team with these answers, as if on `on`. */
  async function submitted(ctx: Ctx, teamId: string, model: Model, levels: Record<string, number>, on: string) {
    const id = await startAssessment(ctx, teamId, model.id, { from: "blank" });
    for (const [questionId, n] of Object.entries(levels)) await saveAnswer(ctx, { assessmentId: id, questionId, answer: level(n), note: null });
    await submitAssessment(ctx, id);
    await t.handle.db
      .update(assessments)
      .set({ submittedAt: new Date(on) })
      .where(eq(assessments.id, id));
    return id;
  }

  it("gives each team its latest result and the one before it of the same model, from stored scores", async () => {
    const org = await t.organisation();
    const system = t.ctx(org);
    const team = await createTeam(system, "Payments");
    const switched = await createTeam(system, "Search");
    const fresh = await createTeam(system, "New");
    const first = await submitted(system, team.id, core, { "build-q1": 2, "run-q1": 3 }, "2026-05-10T09:00:00Z");
    await submitted(system, team.id, otherModel, { "only-q1": 5 }, "2026-07-01T09:00:00Z");
    const latest = await submitted(system, team.id, core, { "build-q1": 4, "run-q1": 3 }, "2026-08-12T09:00:00Z");
    await submitted(system, switched.id, core, { "build-q1": 1, "run-q1": 1 }, "2026-03-01T09:00:00Z");
    const onOther = await submitted(system, switched.id, otherModel, { "only-q1": 2 }, "2026-06-01T09:00:00Z");

    const cards = await listTeamCards(system, [team.id, switched.id, fresh.id]);

    const payments = cards.find((c) => c.teamId === team.id)!;
    expect(payments.latest).toEqual({
      assessmentId: latest,
      submittedAt: new Date("2026-08-12T09:00:00Z"),
      modelVersionId: expect.any(String),
      waterLevel: 3,
      weakest: ["run"],
      areas: [
        { areaId: "build", name: "Build", score: 4 },
        { areaId: "run", name: "Run", score: 3 },
      ],
    });
    // The one before it of the same model, passing over the other model's in between.
    expect(payments.previous).toMatchObject({
      assessmentId: first,
      submittedAt: new Date("2026-05-10T09:00:00Z"),
      waterLevel: 2,
      weakest: ["build"],
      areas: [],
    });
    expect(payments.draft).toBeUndefined();
    // The latest is of a model the team used once: nothing to compare with.
    const search = cards.find((c) => c.teamId === switched.id)!;
    expect(search.latest).toMatchObject({ assessmentId: onOther, waterLevel: 2, areas: [{ areaId: "only", score: 2 }] });
    expect(search.previous).toBeUndefined();
    // A team with nothing to show is not returned.
    expect(cards.map((c) => c.teamId).sort()).toEqual([team.id, switched.id].sort());
  });

  it("gives the open assessment with its answers counted, and only to those who may see drafts", async () => {
    const org = await t.organisation();
    const system = t.ctx(org);
    const team = await createTeam(system, "Payments");
    const inTeam = await t.member(org, "member", "In the team");
    await addTeamMember(system, team.id, inTeam);
    const member = t.as(org, inTeam, "member");
    await submitted(member, team.id, core, { "build-q1": 2, "run-q1": 3 }, "2026-05-10T09:00:00Z");
    // Started from the last answers: both carried, not yet reviewed; answering one reviews it.
    const draft = await startAssessment(member, team.id, core.id);
    await saveAnswer(member, { assessmentId: draft, questionId: "build-q1", answer: level(3), note: null });

    const expected = {
      assessmentId: draft,
      teamId: team.id,
      createdAt: expect.any(Date),
      modelVersionId: expect.any(String),
      respondents: "shared",
      answered: 1,
      toReview: 1,
    };
    expect((await listTeamCards(member, [team.id]))[0]!.draft).toEqual(expected);
    expect((await listTeamCards(t.as(org, await t.member(org, "facilitator"), "facilitator"), [team.id]))[0]!.draft).toEqual(expected);
    // Outside the team a draft is never shown: a member of other teams, a viewer.
    const outsider = t.as(org, await t.member(org, "member", "Not in the team"), "member");
    const viewer = t.as(org, await t.member(org, "viewer"), "viewer");
    for (const ctx of [outsider, viewer]) {
      const [card] = await listTeamCards(ctx, [team.id]);
      expect(card!.latest).toMatchObject({ waterLevel: 2 });
      expect(card!.draft).toBeUndefined();
    }
  });

  it("counts the person's own answers on an assessment each member answers on their own", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const person = async (name: string) => {
      const userId = await t.member(org, "member", name);
      await addTeamMember(t.ctx(org), team.id, userId);
      return t.as(org, userId, "member");
    };
    const [lead, ana] = [await person("Lee Lead"), await person("Ana")];
    const draft = await startAssessment(lead, team.id, core.id, { respondents: "named" });
    await saveAnswer(ana, { assessmentId: draft, questionId: "build-q1", answer: level(4), note: null });
    await saveAnswer(ana, { assessmentId: draft, questionId: "run-q1", answer: level(2), note: null });

    expect((await listTeamCards(ana, [team.id]))[0]!.draft).toMatchObject({ respondents: "named", answered: 2, toReview: 0 });
    // The lead has answered nothing of their own, though the team answers follow Ana's.
    expect((await listTeamCards(lead, [team.id]))[0]!.draft).toMatchObject({ respondents: "named", answered: 0, toReview: 0 });
  });

  it("never returns another organisation's team, its results or its draft", async () => {
    const mine = await t.organisation("Mine");
    const theirs = await t.organisation("Theirs");
    const their = await createTeam(t.ctx(theirs), "Payments");
    await submitted(t.ctx(theirs), their.id, core, { "build-q1": 2, "run-q1": 3 }, "2026-05-10T09:00:00Z");
    await startAssessment(t.ctx(theirs), their.id, core.id);
    const own = await createTeam(t.ctx(mine), "Payments");
    await startAssessment(t.ctx(mine), own.id, core.id);

    const cards = await listTeamCards(t.ctx(mine), [their.id, own.id]);
    expect(cards.map((c) => c.teamId)).toEqual([own.id]);
    expect(await listTeamCards(t.ctx(mine), [])).toEqual([]);
  });
});
