import { describe, expect, it } from "vitest";
import type { Model } from "@/lib/model/schema";
import { level, notApplicable, testModel, unsure } from "@/lib/test-models";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { getAssessment } from "./visible-assessments";
import { listAuditEvents } from "./audit";
import { syncModelVersions } from "./model-versions";
import { followMedian, getRespondentsView, listOwnAnswers, setTeamAnswer } from "./respondents";
import { listTeamScores } from "./scores";
import { addTeamMember } from "./team-members";
import { createTeam } from "./teams";

const [model] = withContentId("respondents-test", [
  testModel({
    areas: [
      { id: "build", questions: 2 },
      { id: "run", questions: 1 },
    ],
  }),
]) as [Model];

describe.each(drivers)("several respondents on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  /** A team of a lead and three members, with a draft answered by each member (named unless said). */
  async function team(mode: "named" | "anonymous" = "named") {
    const org = await t.organisation();
    const { id: teamId } = await createTeam(t.ctx(org), "Payments");
    const person = async (name: string) => {
      const userId = await t.member(org, "member", name);
      await addTeamMember(t.ctx(org), teamId, userId);
      return t.as(org, userId, "member");
    };
    const [lead, ana, ben, cem] = [await person("Lee Lead"), await person("Ana"), await person("Ben"), await person("Cem")];
    const assessmentId = await startAssessment(lead, teamId, model.id, { respondents: mode });
    const answer = (who: typeof lead, questionId: string, value: Parameters<typeof saveAnswer>[1]["answer"], note: string | null = null) =>
      saveAnswer(who, { assessmentId, questionId, answer: value, note });
    const teamAnswers = async () => new Map((await getAssessment(lead, assessmentId))!.answers.map((a) => [a.questionId, a.value]));
    return { org, teamId, assessmentId, lead, ana, ben, cem, answer, teamAnswers };
  }

  it("keeps each member's own answers, and the team answer follows their median (lower middle for an even count)", async () => {
    const { lead, ana, ben, cem, answer, teamAnswers, assessmentId } = await team();
    await answer(ana, "build-q1", level(1));
    expect((await teamAnswers()).get("build-q1")).toEqual(level(1));
    await answer(ben, "build-q1", level(4));
    expect((await teamAnswers()).get("build-q1")).toEqual(level(1));
    await answer(cem, "build-q1", level(3));
    expect((await teamAnswers()).get("build-q1")).toEqual(level(3));
    await answer(ana, "build-q1", level(5), "changed my mind");
    expect((await teamAnswers()).get("build-q1")).toEqual(level(4));

    expect((await listOwnAnswers(ana, assessmentId)).map((a) => [a.questionId, a.value, a.note])).toEqual([["build-q1", level(5), "changed my mind"]]);
    expect(await listOwnAnswers(lead, assessmentId)).toEqual([]);
  });

  it("takes everyone's answers when they save the same question at once", async () => {
    const { ana, ben, cem, lead, answer, teamAnswers } = await team();
    await Promise.all([answer(ana, "run-q1", level(2)), answer(ben, "run-q1", level(4)), answer(cem, "run-q1", level(5)), answer(lead, "run-q1", level(4))]);
    expect((await teamAnswers()).get("run-q1")).toEqual(level(4));
  });

  it("gives the lead every level by name, the spread, and where the team disagrees", async () => {
    const { lead, ana, ben, cem, answer, assessmentId } = await team();
    await answer(ana, "build-q1", level(1), "we deploy by hand");
    await answer(ben, "build-q1", level(4));
    await answer(cem, "build-q1", unsure);
    await answer(ana, "build-q2", level(3));
    await answer(ben, "build-q2", level(3));

    const view = await getRespondentsView(lead, assessmentId);
    expect(view.respondents).toEqual([
      { name: "Ana", answered: 2 },
      { name: "Ben", answered: 2 },
      { name: "Cem", answered: 1 },
    ]);
    const [build] = view.areas;
    const q1 = build!.questions[0]!;
    expect(q1.answers).toEqual([
      { name: "Ana", value: level(1), note: "we deploy by hand" },
      { name: "Ben", value: level(4), note: null },
      { name: "Cem", value: unsure, note: null },
    ]);
    expect(q1.tally).toMatchObject({ total: 3, spread: 3, median: 1, unsure: 1, disagrees: true });
    expect(q1.team).toEqual({ value: level(1), note: null, setByLead: false });
    expect(build!.spread).toMatchObject({ respondents: 3, low: 1, high: 3.5, spread: 2.5, disagreements: 1 });
    expect(view).toMatchObject({ questions: 3, open: 1, disagreements: 1 });
  });

  it("hides names on an anonymous assessment", async () => {
    const { lead, ana, ben, answer, assessmentId } = await team("anonymous");
    await answer(ana, "build-q1", level(2));
    await answer(ben, "build-q1", level(5));
    const view = await getRespondentsView(lead, assessmentId);
    expect(view.respondents.every((r) => r.name === null)).toBe(true);
    expect(view.areas[0]!.questions[0]!.answers).toEqual([
      { name: null, value: level(5), note: null },
      { name: null, value: level(2), note: null },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/Ana|Ben/);
  });

  it("lets the lead set a team answer with a note, which the respondents no longer move, and give it back", async () => {
    const { org, lead, ana, ben, answer, teamAnswers, assessmentId } = await team();
    await answer(ana, "build-q1", level(1));
    await answer(ben, "build-q1", level(4));
    await setTeamAnswer(lead, { assessmentId, questionId: "build-q1", answer: level(3), note: "Pipelines exist; two services still deploy by hand." });
    await answer(ana, "build-q1", level(2));
    expect((await teamAnswers()).get("build-q1")).toEqual(level(3));
    const q1 = (await getRespondentsView(lead, assessmentId)).areas[0]!.questions[0]!;
    expect(q1.team).toEqual({ value: level(3), note: "Pipelines exist; two services still deploy by hand.", setByLead: true });

    await followMedian(lead, assessmentId, "build-q1");
    expect((await teamAnswers()).get("build-q1")).toEqual(level(2));
    expect((await listAuditEvents(t.ctx(org))).filter((e) => e.action === "team_answer.set")).toHaveLength(2);
  });

  it("refuses the lead's page, team answers and submission to everyone but the lead, an owner or an admin", async () => {
    const { org, ana, lead, answer, assessmentId } = await team();
    await expectAppError(getRespondentsView(ana, assessmentId), "forbidden", /lead/);
    await expectAppError(setTeamAnswer(ana, { assessmentId, questionId: "build-q1", answer: level(5), note: null }), "forbidden");
    await expectAppError(followMedian(ana, assessmentId, "build-q1"), "forbidden");
    for (const q of ["build-q1", "build-q2", "run-q1"]) await answer(ana, q, level(3));
    await expectAppError(submitAssessment(ana, assessmentId), "forbidden", /lead/);
    const admin = t.as(org, await t.member(org, "admin"), "admin");
    expect((await getRespondentsView(admin, assessmentId)).respondents).toHaveLength(1);
    const elsewhere = await t.organisation();
    await expectAppError(getRespondentsView(t.as(elsewhere, await t.member(elsewhere, "owner"), "owner"), assessmentId), "not_found");
    expect(lead.actor.kind).toBe("member");
  });

  it("refuses a level off the scale, an unknown question, and an assessment answered together", async () => {
    const { lead, assessmentId, org } = await team();
    await expectAppError(setTeamAnswer(lead, { assessmentId, questionId: "build-q1", answer: level(9), note: null }), "invalid_input", /scale/);
    await expectAppError(followMedian(lead, assessmentId, "nope"), "invalid_input", /not a question/);
    const other = await createTeam(t.ctx(org), "Search");
    const together = await startAssessment(t.ctx(org), other.id, model.id);
    const owner = t.as(org, await t.member(org, "owner"), "owner");
    await expectAppError(getRespondentsView(owner, together), "invalid_input", /together/);
  });

  it("submits with the respondents' count and spread per area stored, and not-applicable when everyone says so", async () => {
    const { lead, ana, ben, cem, answer, assessmentId, teamId } = await team();
    await answer(ana, "build-q1", level(1));
    await answer(ben, "build-q1", level(4));
    await answer(cem, "build-q1", level(2));
    await answer(ana, "build-q2", level(2));
    await answer(ben, "build-q2", level(2));
    await answer(ana, "run-q1", notApplicable("no servers"));
    await answer(ben, "run-q1", notApplicable("serverless"));
    await submitAssessment(lead, assessmentId);

    const [scored] = await listTeamScores(lead, teamId);
    expect(scored!.score.areas.map((a) => a.score)).toEqual([2, null]);
    expect(scored!.spread).toEqual({
      respondents: 3,
      areas: [
        { areaId: "build", respondents: 3, low: 1.5, high: 3, spread: 1.5, disagreements: 1 },
        { areaId: "run", respondents: 0, low: null, high: null, spread: null, disagreements: 0 },
      ],
    });
    const run = (await getAssessment(lead, assessmentId))!.answers.find((a) => a.questionId === "run-q1")!;
    expect(run.value).toEqual(notApplicable("no servers"));
    await expectAppError(answer(ana, "build-q1", level(5)), "read_only");
  });

  it("stores no spread for an assessment answered together", async () => {
    const { org } = await team();
    const other = await createTeam(t.ctx(org), "Search");
    const id = await startAssessment(t.ctx(org), other.id, model.id);
    for (const q of ["build-q1", "build-q2", "run-q1"]) await saveAnswer(t.ctx(org), { assessmentId: id, questionId: q, answer: level(3), note: null });
    await submitAssessment(t.ctx(org), id);
    expect((await listTeamScores(t.ctx(org), other.id))[0]!.spread).toBeNull();
  });
});
