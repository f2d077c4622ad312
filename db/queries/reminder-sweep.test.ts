import { describe, expect, it } from "vitest";
import { drivers, useTestDatabase } from "../test-db";
import { getOutboxMail, listOutbox } from "./mail";
import { syncModelVersions } from "./model-versions";
import { getNotificationChoices, setNotificationChoices } from "./notification-choices";
import { sweepAssessmentReminders } from "./reminder-sweep";
import { links, reminderModel, teamWithPeople } from "./reminder-test-team";
import { removeTeamMember } from "./team-members";
import { setTeamArchived } from "./teams";

describe.each(drivers)("assessment reminders on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [reminderModel]);
  });
  const sweep = (org: string, at: string) => sweepAssessmentReminders(t.handle.db, links, new Date(at), { organisationId: org });

  it("tell each person in the team once a week before, and once when overdue, unless they chose not to", async () => {
    const { org, owner, team, people } = await teamWithPeople(t, ["Ada", "Bo", "Cy"]);
    const [ada, bo, cy] = people as [string, string, string];
    await setNotificationChoices(t.handle.db, bo, { "assessment-due": false });
    expect((await getNotificationChoices(t.handle.db, bo))["assessment-due"]).toBe(false);
    const to = async () => (await listOutbox(owner)).map((m) => `${m.to} ${m.subject}`).toSorted();

    expect(await sweep(org, "2026-08-24T12:00:00Z")).toBe(0);
    expect(await sweep(org, "2026-08-25T12:00:00Z")).toBe(2);
    expect(await sweep(org, "2026-08-25T13:00:00Z")).toBe(0);
    expect(await sweep(org, "2026-08-30T13:00:00Z")).toBe(0);
    expect(await to()).toEqual(
      [`${ada}@test.example Payments: next assessment due in 7 days`, `${cy}@test.example Payments: next assessment due in 7 days`].toSorted(),
    );

    const mail = await getOutboxMail(owner, (await listOutbox(owner)).find((m) => m.to.startsWith(ada))!.id);
    expect(mail.text).toContain("Hello Ada,");
    expect(mail.text).toContain(`Open Payments: https://stave.example/teams/`);
    expect(mail.text).toContain(`To stop these messages: https://stave.example/unsubscribe/${ada}.assessment-due`);

    // Overdue is another occurrence: told once more, to those who still want it and are still in the team.
    await removeTeamMember(owner, team.id, cy);
    expect(await sweep(org, "2026-09-03T12:00:00Z")).toBe(1);
    expect(await sweep(org, "2026-09-04T12:00:00Z")).toBe(0);
    expect((await to()).filter((line) => line.includes("overdue"))).toEqual([`${ada}@test.example Payments: assessment overdue`]);
    expect(await sweep(org, "2026-10-01T12:00:00Z")).toBe(0);
  });

  it("tell nothing of an archived team", async () => {
    const { org, owner, team } = await teamWithPeople(t, ["Dee"]);
    await setTeamArchived(owner, team.id, true);
    expect(await sweep(org, "2026-08-25T12:00:00Z")).toBe(0);
    expect(await listOutbox(owner)).toEqual([]);
  });
});
