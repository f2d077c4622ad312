import { describe, expect, it } from "vitest";
import type { StoredAnswer } from "@/lib/answer";
import type { StartFrom } from "@/lib/carry";
import type { Model } from "@/lib/model/schema";
import { level, notApplicable, testModel } from "@/lib/test-models";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { getAssessment } from "./visible-assessments";
import { carryOwnAnswers, confirmCarried } from "./carry";
import { syncModelVersions } from "./model-versions";
import { getRespondentsView, listOwnAnswers, setTeamAnswer } from "./respondents";
import { addTeamMember } from "./team-members";
import { createTeam } from "./teams";

// Starting the next assessment from the last one on a draft answered by each member: each
// member's own answers are carried when they open it, and count once they have reviewed them.

const [model] = withContentId("carry-respondents-test", [
  testModel({
    areas: [
      { id: "build", questions: 2 },
      { id: "run", questions: 1 },
    ],
  }),
]) as [Model];

/** Answers as [question, value, note, carried], in question order. */
const rows = (answers: readonly StoredAnswer[]) =>
  [...answers].sort((a, b) => a.questionId.localeCompare(b.questionId)).map((a) => [a.questionId, a.value, a.note, a.carried]);

describe.each(drivers)("carrying each member's own answers on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  /**
   * A team of a lead, Ana and Ben. Their last assessment was answered by each member: Ana answered
   * every question on her own, Ben none, and the lead set build-q1's team answer. The next one, named,
   * is started from it (unless started blank).
   */
  async function nextCycle(from: StartFrom = "last") {
    const org = await t.organisation();
    const { id: teamId } = await createTeam(t.ctx(org), "Payments");
    const person = async (name: string) => {
      const userId = await t.member(org, "member", name);
      await addTeamMember(t.ctx(org), teamId, userId);
      return t.as(org, userId, "member");
    };
    const [lead, ana, ben] = [await person("Lee Lead"), await person("Ana"), await person("Ben")];
    const last = await startAssessment(lead, teamId, model.id, { respondents: "named" });
    await saveAnswer(ana, { assessmentId: last, questionId: "build-q1", answer: level(4), note: "Every service has a pipeline" });
    await saveAnswer(ana, { assessmentId: last, questionId: "build-q2", answer: level(2), note: null });
    await saveAnswer(ana, { assessmentId: last, questionId: "run-q1", answer: notApplicable("No servers"), note: "All serverless" });
    await setTeamAnswer(lead, { assessmentId: last, questionId: "build-q1", answer: level(1), note: "Two services deploy by hand" });
    await submitAssessment(lead, last);
    const next = await startAssessment(lead, teamId, model.id, { respondents: "named", from });
    const teamAnswers = async () => new Map((await getAssessment(lead, next))!.answers.map((a) => [a.questionId, a.value]));
    return { org, teamId, lead, ana, ben, last, next, teamAnswers };
  }

  /** Ana's own answers last time, carried. */
  const anasOwn = [
    ["build-q1", level(4), "Every service has a pipeline", "unreviewed"],
    ["build-q2", level(2), null, "unreviewed"],
    ["run-q1", notApplicable("No servers"), "All serverless", "unreviewed"],
  ];
  /** The team answers last time, carried: Ben did not answer on his own. */
  const teamLastTime = [
    ["build-q1", level(1), "Two services deploy by hand", "unreviewed"],
    ["build-q2", level(2), null, "unreviewed"],
    ["run-q1", notApplicable("No servers"), null, "unreviewed"],
  ];

  it("starts the team answers empty and fills each member's own from last time, once", async () => {
    const { lead, ana, ben, last, next } = await nextCycle();
    const draft = (await getAssessment(lead, next))!;
    expect(draft).toMatchObject({ status: "draft", respondents: "named", answers: [] });
    expect(draft.carriedFrom?.id).toBe(last);
    expect(await listOwnAnswers(ana, next)).toEqual([]);

    expect(rows(await carryOwnAnswers(ana, next, model))).toEqual(anasOwn);
    expect(rows(await listOwnAnswers(ana, next))).toEqual(anasOwn);
    expect(rows(await carryOwnAnswers(ben, next, model))).toEqual(teamLastTime);
    expect(rows(await listOwnAnswers(ben, next))).toEqual(teamLastTime);

    // A second time carries nothing more: it gives back her answers as they are.
    expect(rows(await carryOwnAnswers(ana, next, model))).toEqual(anasOwn);
    expect(rows(await listOwnAnswers(ana, next))).toEqual(anasOwn);
  });

  it("fills a member's answers once when two first opens arrive together, and both see them", async () => {
    const { ben, next } = await nextCycle();
    const [first, second] = await Promise.all([carryOwnAnswers(ben, next, model), carryOwnAnswers(ben, next, model)]);
    expect(rows(first)).toEqual(teamLastTime);
    expect(rows(second)).toEqual(teamLastTime);
    expect(rows(await listOwnAnswers(ben, next))).toEqual(teamLastTime);
  });

  it("counts a member's carried answers in the team answer only once they have reviewed them", async () => {
    const { lead, ana, ben, next, teamAnswers } = await nextCycle();
    await carryOwnAnswers(ana, next, model);
    await carryOwnAnswers(ben, next, model);
    expect(await teamAnswers()).toEqual(new Map());
    expect((await getRespondentsView(lead, next)).respondents).toEqual([]);
    expect((await getRespondentsView(lead, next)).stillReviewing).toBe(2);

    expect((await confirmCarried(ana, next, "build")).sort()).toEqual(["build-q1", "build-q2"]);
    expect((await listOwnAnswers(ana, next)).map((a) => [a.questionId, a.carried]).sort()).toEqual([
      ["build-q1", "reviewed"],
      ["build-q2", "reviewed"],
      ["run-q1", "unreviewed"],
    ]);
    expect((await listOwnAnswers(ben, next)).map((a) => a.carried)).toEqual(["unreviewed", "unreviewed", "unreviewed"]);
    // Ana's alone: had Ben's unreviewed 1 counted, build-q1 would be the lower middle of 1 and 4.
    expect(await teamAnswers()).toEqual(
      new Map([
        ["build-q1", level(4)],
        ["build-q2", level(2)],
      ]),
    );
    expect((await getRespondentsView(lead, next)).respondents).toEqual([{ name: "Ana", answered: 2 }]);
    expect((await getRespondentsView(lead, next)).stillReviewing).toBe(2);

    expect((await confirmCarried(ben, next, "build")).sort()).toEqual(["build-q1", "build-q2"]);
    expect(await teamAnswers()).toEqual(
      new Map([
        ["build-q1", level(1)],
        ["build-q2", level(2)],
      ]),
    );

    // Saving one reviews it too: run-q1 follows Ben's new answer, not Ana's unreviewed one.
    await saveAnswer(ben, { assessmentId: next, questionId: "run-q1", answer: level(3), note: null });
    expect((await teamAnswers()).get("run-q1")).toEqual(level(3));
    expect(rows(await listOwnAnswers(ben, next))[2]).toEqual(["run-q1", level(3), null, "reviewed"]);
    expect((await getRespondentsView(lead, next)).respondents).toEqual([
      { name: "Ana", answered: 2 },
      { name: "Ben", answered: 3 },
    ]);
    // Ana's run-q1 is still to review.
    expect((await getRespondentsView(lead, next)).stillReviewing).toBe(1);
  });

  it("carries nothing on a draft started blank", async () => {
    const { ana, next } = await nextCycle("blank");
    expect((await getAssessment(ana, next))!.carriedFrom).toBeNull();
    expect(await carryOwnAnswers(ana, next, model)).toEqual([]);
    expect(await listOwnAnswers(ana, next)).toEqual([]);
  });

  it("carries nothing for someone outside the team, and confirms only the actor's own answers", async () => {
    const { org, lead, ana, next } = await nextCycle();
    const outsider = t.as(org, await t.member(org, "member", "Not in the team"), "member");
    expect(await carryOwnAnswers(outsider, next, model)).toEqual([]);
    expect(await listOwnAnswers(outsider, next)).toEqual([]);

    await carryOwnAnswers(ana, next, model);
    // Stave itself has no answers of its own to confirm; the lead has none carried yet, and does not confirm Ana's.
    await expectAppError(confirmCarried(t.ctx(org), next, "build"), "forbidden");
    expect(await confirmCarried(lead, next, "build")).toEqual([]);
    await expectAppError(confirmCarried(outsider, next, "build"), "forbidden");
    expect((await listOwnAnswers(ana, next)).map((a) => a.carried)).toEqual(["unreviewed", "unreviewed", "unreviewed"]);
  });

  it("carries the team's answers to a member who never reviewed theirs last time, not those carried from before", async () => {
    const { teamId, lead, ana, ben, next, teamAnswers } = await nextCycle();
    await carryOwnAnswers(ana, next, model);
    await carryOwnAnswers(ben, next, model);
    // Ana confirms build; Ben opens the draft but reviews nothing, so none of his answers count.
    await confirmCarried(ana, next, "build");
    await setTeamAnswer(lead, { assessmentId: next, questionId: "run-q1", answer: level(2), note: "One VM left" });
    expect(await teamAnswers()).toEqual(
      new Map([
        ["build-q1", level(4)],
        ["build-q2", level(2)],
        ["run-q1", level(2)],
      ]),
    );
    await submitAssessment(lead, next);

    const third = await startAssessment(lead, teamId, model.id, { respondents: "named" });
    expect(rows(await carryOwnAnswers(ben, third, model))).toEqual([
      ["build-q1", level(4), null, "unreviewed"],
      ["build-q2", level(2), null, "unreviewed"],
      ["run-q1", level(2), "One VM left", "unreviewed"],
    ]);
  });
});
