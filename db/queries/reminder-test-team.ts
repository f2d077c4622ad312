import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import type { TestDatabase } from "../test-db";
import { withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { addTeamMember } from "./team-members";
import { createTeam, setTeamCadence } from "./teams";

// A team for the reminder tests: assessed on 1 June 2026 every quarter, so due on 1 September.

export const [reminderModel] = withContentId("reminder-test", [testModel({ areas: [{ id: "build", questions: 1 }] })]) as [Model];

export const links = {
  origin: "https://stave.example",
  unsubscribe: (userId: string, kind: string) => `https://stave.example/unsubscribe/${userId}.${kind}`,
};

/** An organisation whose team "Payments" has the given people in it (and an owner outside it). */
export async function teamWithPeople(t: TestDatabase, people: string[]) {
  const org = await t.organisation("Reminders");
  const owner = t.as(org, await t.member(org, "owner", "Olivia Owner"), "owner");
  const team = await createTeam(owner, "Payments");
  await setTeamCadence(owner, team.id, "quarterly");
  const ids: string[] = [];
  for (const name of people) {
    const id = await t.member(org, "member", name);
    await addTeamMember(owner, team.id, id);
    ids.push(id);
  }
  const assessment = await startAssessment(owner, team.id, reminderModel.id);
  await saveAnswer(owner, { assessmentId: assessment, questionId: "build-q1", answer: level(2), note: null });
  await submitAssessment(owner, assessment, { submittedAt: new Date("2026-06-01T09:00:00Z") });
  return { org, owner, team, people: ids, assessment };
}
