import { describe, expect, it } from "vitest";
import { actionReminderDays, assessmentReminder, reminderKey, targetReminder } from "./reminders";

const submitted = new Date("2026-06-01T09:00:00Z"); // quarterly: due 1 September 2026

describe("assessment reminders", () => {
  it("are due within the week before the due date, then overdue for a week, then quiet", () => {
    expect(assessmentReminder("quarterly", submitted, new Date("2026-08-24T12:00:00Z"))).toBeUndefined();
    expect(assessmentReminder("quarterly", submitted, new Date("2026-08-25T12:00:00Z"))).toEqual({ occasion: "due-soon", dueOn: "2026-09-01", days: 7 });
    expect(assessmentReminder("quarterly", submitted, new Date("2026-09-01T23:00:00Z"))).toEqual({ occasion: "due-soon", dueOn: "2026-09-01", days: 0 });
    expect(assessmentReminder("quarterly", submitted, new Date("2026-09-02T00:30:00Z"))).toEqual({ occasion: "overdue", dueOn: "2026-09-01", days: -1 });
    expect(assessmentReminder("quarterly", submitted, new Date("2026-09-08T12:00:00Z"))).toEqual({ occasion: "overdue", dueOn: "2026-09-01", days: -7 });
    expect(assessmentReminder("quarterly", submitted, new Date("2026-09-09T12:00:00Z"))).toBeUndefined();
  });

  it("never come for a team without a cadence or never assessed", () => {
    expect(assessmentReminder("none", submitted, new Date("2026-09-01T12:00:00Z"))).toBeUndefined();
    expect(assessmentReminder("monthly", null, new Date("2026-09-01T12:00:00Z"))).toBeUndefined();
  });

  it("have a key per person, subject and occurrence", () => {
    const key = reminderKey("u1", "assessment-overdue", "t1", "2026-09-01");
    expect(key).not.toBe(reminderKey("u2", "assessment-overdue", "t1", "2026-09-01"));
    expect(key).not.toBe(reminderKey("u1", "assessment-due-soon", "t1", "2026-09-01"));
    expect(key).not.toBe(reminderKey("u1", "assessment-overdue", "t1", "2026-12-01"));
  });
});

describe("improvement action reminders", () => {
  const action = { status: "planned" as const, dueOn: "2026-09-10" };
  it("are due from the day before an open action's due day until a week after it", () => {
    expect(actionReminderDays(action, new Date("2026-09-08T12:00:00Z"))).toBeUndefined();
    expect(actionReminderDays(action, new Date("2026-09-09T12:00:00Z"))).toBe(1);
    expect(actionReminderDays(action, new Date("2026-09-17T12:00:00Z"))).toBe(-7);
    expect(actionReminderDays(action, new Date("2026-09-18T12:00:00Z"))).toBeUndefined();
  });

  it("never come for a done, dropped or undated action", () => {
    const at = new Date("2026-09-10T12:00:00Z");
    expect(actionReminderDays({ ...action, status: "in_progress" }, at)).toBe(0);
    expect(actionReminderDays({ ...action, status: "done" }, at)).toBeUndefined();
    expect(actionReminderDays({ ...action, status: "dropped" }, at)).toBeUndefined();
    expect(actionReminderDays({ ...action, dueOn: null }, at)).toBeUndefined();
  });
});

describe("target reminders", () => {
  const target = { areaId: "build", level: 3, dueOn: "2026-08-15", assessedOn: "2026-06-01T09:00:00.000Z" };
  const reaching = { assessmentId: "a2", submittedAt: "2026-07-01T09:00:00.000Z", areas: { build: 3 } };
  it("tell a target reached for a week after the assessment that reached it", () => {
    expect(targetReminder(target, [reaching], new Date("2026-07-08T12:00:00Z"))).toMatchObject({ occasion: "target-reached" });
    expect(targetReminder(target, [reaching], new Date("2026-07-09T12:00:00Z"))).toBeUndefined();
  });

  it("tell a target missed for a week after its date, and nothing while it is open", () => {
    const short = { ...reaching, areas: { build: 2 } };
    expect(targetReminder(target, [short], new Date("2026-08-15T12:00:00Z"))).toBeUndefined();
    expect(targetReminder(target, [short], new Date("2026-08-16T12:00:00Z"))).toMatchObject({ occasion: "target-missed", outcome: { score: 2 } });
    expect(targetReminder(target, [short], new Date("2026-08-22T12:00:00Z"))).toMatchObject({ occasion: "target-missed" });
    expect(targetReminder(target, [short], new Date("2026-08-23T12:00:00Z"))).toBeUndefined();
  });
});
