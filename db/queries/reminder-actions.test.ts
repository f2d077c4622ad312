import { describe, expect, it } from "vitest";
import type { CreateActionInput } from "@/lib/validation/improvement";
import { drivers, useTestDatabase } from "../test-db";
import { createAction } from "./improvement-actions";
import { listOutbox } from "./mail";
import { syncModelVersions } from "./model-versions";
import { setNotificationChoices } from "./notification-choices";
import { sweepActionReminders } from "./reminder-actions";
import { links, reminderModel, teamWithPeople } from "./reminder-test-team";

describe.each(drivers)("improvement action reminders on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [reminderModel]);
  });
  const sweep = (org: string, at: string) => sweepActionReminders(t.handle.db, links, new Date(at), { organisationId: org });
  const action = (assessmentId: string, over: Partial<CreateActionInput>): CreateActionInput => ({
    assessmentId,
    title: "Add alerting",
    description: null,
    owner: null,
    dueOn: "2026-09-10",
    status: "planned",
    aim: { kind: "area", id: "build" },
    ...over,
  });

  it("tell the owner once from the day before, and the team when no member owns it", async () => {
    const { org, owner, assessment, people } = await teamWithPeople(t, ["Ada", "Bo"]);
    const [ada, bo] = people as [string, string];
    await createAction(owner, action(assessment, { title: "Owned by Ada", owner: { userId: ada } }));
    await createAction(owner, action(assessment, { title: "Owned by someone outside Stave", owner: { text: "Sam" } }));
    await createAction(owner, action(assessment, { title: "Done already", owner: { userId: ada }, status: "done" }));
    await createAction(owner, action(assessment, { title: "Due later", owner: { userId: ada }, dueOn: "2026-10-01" }));

    expect(await sweep(org, "2026-09-08T12:00:00Z")).toBe(0);
    expect(await sweep(org, "2026-09-09T12:00:00Z")).toBe(3);
    expect(await sweep(org, "2026-09-10T12:00:00Z")).toBe(0);
    const mails = (await listOutbox(owner)).map((m) => `${m.to === `${ada}@test.example` ? "Ada" : m.to === `${bo}@test.example` ? "Bo" : m.to}: ${m.subject}`);
    expect(mails.toSorted()).toEqual([
      "Ada: Improvement action due tomorrow: Owned by Ada",
      "Ada: Improvement action due tomorrow: Owned by someone outside Stave",
      "Bo: Improvement action due tomorrow: Owned by someone outside Stave",
    ]);
  });

  it("tell nobody of an action whose owner chose no such reminders", async () => {
    const { org, owner, assessment, people } = await teamWithPeople(t, ["Cy", "Dee"]);
    await setNotificationChoices(t.handle.db, people[0]!, { "action-due": false });
    await createAction(owner, action(assessment, { owner: { userId: people[0]! } }));
    expect(await sweep(org, "2026-09-12T12:00:00Z")).toBe(0);
    expect(await listOutbox(owner)).toEqual([]);
  });
});
