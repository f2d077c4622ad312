import type { TestDatabase } from "@/db/test-db";
import { addAnnotation } from "@/db/queries/annotations";
import { saveAnswer } from "@/db/queries/answers";
import { startAssessment, submitAssessment } from "@/db/queries/assessments";
import { createGroup, setTeamGroup } from "@/db/queries/groups";
import { createAction } from "@/db/queries/improvement-actions";
import { setTarget } from "@/db/queries/targets";
import { addTeamMember } from "@/db/queries/team-members";
import { createTeam, setTeamArchived, setTeamCadence } from "@/db/queries/teams";
import type { AnswerValue } from "@/lib/answer";
import type { Model } from "@/lib/model/schema";
import { level, notApplicable, testModel, unsure } from "@/lib/test-models";

// An organisation with some history, written through the ordinary write functions, for the tests
// of the history export and import.

export const historyTestModel = (id: string): Model => ({
  ...testModel({
    areas: [
      { id: "build", name: "Build", questions: 2 },
      { id: "run", name: "Run", questions: 1 },
    ],
  }),
  id,
});

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export type HistoryFixture = { org: string; lead: string; respondent: string; platform: string; payments: string; search: string; assessments: string[] };

/**
 * Platform (group) › Payments with two assessments, a target, actions and a note; Search (no group,
 * archived) with two, the first answered by each member on their own (one respondent).
 */
export async function historyFixture(t: TestDatabase, model: Model, lead?: string): Promise<HistoryFixture> {
  const org = await t.organisation("History");
  const ctx = t.ctx(org);
  const leadId = lead ?? (await t.member(org, "member", "Lead"));
  const platform = (await createGroup(ctx, { name: "Platform", parentId: null })).id;
  const payments = (await createTeam(ctx, "Payments")).id;
  const search = (await createTeam(ctx, "Search")).id;
  await setTeamGroup(ctx, payments, platform);
  await addTeamMember(ctx, payments, leadId);
  await setTeamCadence(ctx, payments, "monthly");
  const assess = async (teamId: string, given: Record<string, AnswerValue>) => {
    const id = await startAssessment(ctx, teamId, model.id, { from: "blank" });
    for (const [questionId, answer] of Object.entries(given))
      await saveAnswer(ctx, { assessmentId: id, questionId, answer, note: questionId === "run-q1" ? "On call is new" : null });
    await submitAssessment(ctx, id);
    return id;
  };
  const first = await assess(payments, { "build-q1": level(2), "build-q2": level(3), "run-q1": unsure });
  const second = await assess(payments, { "build-q1": level(4), "build-q2": notApplicable("No builds"), "run-q1": level(2) });
  const respondent = await t.member(org, "member", "Respondent");
  await addTeamMember(ctx, search, respondent);
  const own = await startAssessment(ctx, search, model.id, { from: "blank", respondents: "named" });
  const given = { "build-q1": level(3), "build-q2": level(2), "run-q1": level(1) };
  for (const [questionId, answer] of Object.entries(given))
    await saveAnswer(t.as(org, respondent, "member"), { assessmentId: own, questionId, answer, note: questionId === "build-q1" ? "My view" : null });
  const admin = t.as(org, await t.member(org, "admin", "Admin"), "admin");
  await submitAssessment(admin, own);
  const third = await assess(search, { "build-q1": level(1), "build-q2": level(1), "run-q1": level(3) });
  await setTarget(ctx, { assessmentId: second, level: 3, dueOn: days(90) });
  await createAction(ctx, {
    assessmentId: second,
    title: "Page the team",
    description: "Alerts reach whoever is on call",
    owner: { userId: leadId },
    dueOn: days(30),
    status: "in_progress",
    aim: { kind: "question", id: "run-q1" },
  });
  await createAction(ctx, {
    assessmentId: second,
    title: "Runbooks",
    description: null,
    owner: { text: "Sam" },
    dueOn: null,
    status: "planned",
    aim: { kind: "area", id: "run" },
  });
  await addAnnotation(ctx, { teamId: payments, on: days(-3), text: "Moved to Kubernetes" });
  await setTeamArchived(ctx, search, true);
  return { org, lead: leadId, respondent, platform, payments, search, assessments: [first, second, own, third] };
}
