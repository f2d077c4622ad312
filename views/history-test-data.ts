import { eq } from "drizzle-orm";
import type { TestDatabase } from "@/db/test-db";
import { addAnnotation } from "@/db/queries/annotations";
import { saveAnswer } from "@/db/queries/answers";
import { startAssessment, submitAssessment } from "@/db/queries/assessments";
import { createGroup, setTeamGroup } from "@/db/queries/groups";
import { createAction } from "@/db/queries/improvement-actions";
import { setTarget } from "@/db/queries/targets";
import { addTeamMember } from "@/db/queries/team-members";
import { createTeam, setTeamArchived, setTeamCadence } from "@/db/queries/teams";
import { recordAgreement } from "@/db/queries/workshop-agreements";
import { castVote, joinWorkshop } from "@/db/queries/workshop-votes";
import { endWorkshop, moveWorkshop, openWorkshop, recordConsensus, reveal, revote } from "@/db/queries/workshops";
import { members, organisations } from "@/db/schema";
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

/** The fixture's organisation gone with all it held, and an empty one with its lead and respondent as members and an admin who imports. */
export async function emptiedInto(t: TestDatabase, f: HistoryFixture) {
  await t.handle.db.delete(organisations).where(eq(organisations.id, f.org));
  const org = await t.organisation("Imported");
  await t.handle.db.insert(members).values([
    { organisationId: org, userId: f.lead, role: "member" },
    { organisationId: org, userId: f.respondent, role: "member" },
  ]);
  const importer = await t.member(org, "admin", "Importer");
  return { org, importer, ctx: t.as(org, importer, "admin") };
}

/**
 * A workshop the lead ran on a new draft of Payments with named votes: three voters and one who
 * watched; the first question voted twice, a consensus with a note on each question; ended, its
 * next bottleneck agreed, then submitted (which made the agreement its target and actions).
 */
export async function heldWorkshop(t: TestDatabase, f: HistoryFixture, model: Model): Promise<{ workshopId: string; assessmentId: string }> {
  const lead = t.as(f.org, f.lead, "member");
  const assessmentId = await startAssessment(lead, f.payments, model.id, { from: "blank" });
  const workshop = await openWorkshop(lead, { assessmentId, anonymity: "named", autoReveal: false });
  const room: Awaited<ReturnType<typeof joinWorkshop>>[] = [];
  for (const name of ["Ana", "Ben", "Cy"]) room.push(await joinWorkshop(t.handle.db, { joinCode: workshop.joinCode, name }));
  await joinWorkshop(t.handle.db, { joinCode: workshop.joinCode, name: "Screen", watching: true });
  const vote = async (questionId: string, round: number, levels: (number | null)[]) => {
    for (const [i, lvl] of levels.entries()) {
      const p = room[i]!;
      const ctx = t.ctx(f.org, { kind: "participant", participantId: p.participantId, name: p.name });
      await castVote(ctx, { questionId, round, vote: lvl === null ? { kind: "unsure" } : { kind: "level", level: lvl } });
    }
    await reveal(lead, workshop.id);
  };
  await vote("build-q1", 1, [1, 4, 2]);
  await revote(lead, workshop.id);
  await vote("build-q1", 2, [3, 3, 2]);
  await recordConsensus(lead, { workshopId: workshop.id, questionId: "build-q1", answer: level(3), note: "We build on every push" });
  await moveWorkshop(lead, workshop.id, { to: "next" });
  await vote("build-q2", 1, [2, null, 2]);
  await recordConsensus(lead, { workshopId: workshop.id, questionId: "build-q2", answer: level(2), note: null });
  await moveWorkshop(lead, workshop.id, { to: "next" });
  await vote("run-q1", 1, [1, 1, 2]);
  await recordConsensus(lead, { workshopId: workshop.id, questionId: "run-q1", answer: level(1), note: "Nobody is paged" });
  await endWorkshop(lead, workshop.id);
  await recordAgreement(lead, {
    workshopId: workshop.id,
    areaId: "run",
    level: 2,
    dueOn: days(60),
    actions: [
      { title: "Set up paging", ownerText: "Ana", dueOn: days(20) },
      { title: "Write the first runbook", ownerText: null, dueOn: null },
    ],
  });
  await submitAssessment(lead, assessmentId);
  return { workshopId: workshop.id, assessmentId };
}
