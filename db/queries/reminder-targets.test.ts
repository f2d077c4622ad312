import { describe, expect, it } from "vitest";
import { level } from "@/lib/test-models";
import { drivers, useTestDatabase } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { listOutbox } from "./mail";
import { syncModelVersions } from "./model-versions";
import { setNotificationChoices } from "./notification-choices";
import { reminderModel, links, teamWithPeople } from "./reminder-test-team";
import { sweepTargetReminders } from "./reminder-targets";
import { setTarget } from "./targets";

describe.each(drivers)("target reminders on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [reminderModel]);
  });
  const sweep = (org: string, at: string) => sweepTargetReminders(t.handle.db, links, new Date(at), { organisationId: org });
  const subjects = async (ctx: Parameters<typeof listOutbox>[0]) => (await listOutbox(ctx)).map((m) => m.subject);

  it("tell the team once when its target's date passes unreached, except those who chose not to hear", async () => {
    const { org, owner, assessment, people } = await teamWithPeople(t, ["Ada", "Bo"]);
    await setNotificationChoices(t.handle.db, people[1]!, { target: false });
    await setTarget(owner, { assessmentId: assessment, level: 3, dueOn: "2026-08-15" }, new Date("2026-06-02T09:00:00Z"));
    expect(await sweep(org, "2026-08-15T12:00:00Z")).toBe(0);
    expect(await sweep(org, "2026-08-17T12:00:00Z")).toBe(1);
    expect(await sweep(org, "2026-08-18T12:00:00Z")).toBe(0);
    expect(await subjects(owner)).toEqual(["Payments missed its target"]);
  });

  it("tell the team once when an assessment reaches the target", async () => {
    const { org, owner, team, assessment } = await teamWithPeople(t, ["Cy"]);
    await setTarget(owner, { assessmentId: assessment, level: 3, dueOn: "2026-08-15" }, new Date("2026-06-02T09:00:00Z"));
    const next = await startAssessment(owner, team.id, reminderModel.id);
    await saveAnswer(owner, { assessmentId: next, questionId: "build-q1", answer: level(3), note: null });
    await submitAssessment(owner, next, { submittedAt: new Date("2026-07-01T09:00:00Z") });
    expect(await sweep(org, "2026-07-02T12:00:00Z")).toBe(1);
    expect(await sweep(org, "2026-07-03T12:00:00Z")).toBe(0);
    expect(await sweep(org, "2026-08-20T12:00:00Z")).toBe(0);
    expect(await subjects(owner)).toEqual(["Payments reached its target"]);
  });
});
