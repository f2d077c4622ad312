import { describe, expect, it } from "vitest";
import { dueText, nextDue } from "./cadence";

const d = (iso: string) => new Date(iso);

describe("cadence due dates", () => {
  it("falls one cadence after the last submitted assessment", () => {
    expect(nextDue("quarterly", d("2026-08-15T10:00:00Z"), d("2026-09-01T00:00:00Z"))?.date.toISOString()).toBe("2026-11-15T10:00:00.000Z");
    expect(nextDue("monthly", d("2026-08-15T10:00:00Z"), d("2026-09-01T00:00:00Z"))?.date.toISOString()).toBe("2026-09-15T10:00:00.000Z");
    expect(nextDue("half-yearly", d("2026-08-15T10:00:00Z"), d("2026-09-01T00:00:00Z"))?.date.toISOString()).toBe("2027-02-15T10:00:00.000Z");
  });

  it("lands on the month's last day when the day does not exist", () => {
    expect(nextDue("monthly", d("2026-01-31T12:00:00Z"), d("2026-02-01T00:00:00Z"))?.date.toISOString()).toBe("2026-02-28T12:00:00.000Z");
    expect(nextDue("quarterly", d("2026-11-30T12:00:00Z"), d("2026-12-01T00:00:00Z"))?.date.toISOString()).toBe("2027-02-28T12:00:00.000Z");
  });

  it("has no due date without a cadence", () => {
    expect(nextDue("none", d("2026-08-15T10:00:00Z"), d("2026-09-01T00:00:00Z"))).toBeUndefined();
  });

  it("says whether it is upcoming, due within two weeks, or overdue", () => {
    const last = d("2026-08-15T10:00:00Z"); // due 15 Nov
    expect(nextDue("quarterly", last, d("2026-10-01T00:00:00Z"))).toMatchObject({ state: "upcoming", days: 45 });
    expect(nextDue("quarterly", last, d("2026-11-01T00:00:00Z"))).toMatchObject({ state: "due-soon", days: 14 });
    expect(nextDue("quarterly", last, d("2026-11-15T23:00:00Z"))).toMatchObject({ state: "due-soon", days: 0 });
    expect(nextDue("quarterly", last, d("2026-11-16T00:00:00Z"))).toMatchObject({ state: "overdue", days: -1 });
  });
});

describe("what a team is told", () => {
  it("words each state plainly, without blame", () => {
    const last = d("2026-08-15T10:00:00Z");
    const text = (now: string) => dueText(nextDue("quarterly", last, d(now))!);
    expect(text("2026-10-01T00:00:00Z")).toBe("Next assessment due 15 Nov 2026");
    expect(text("2026-11-14T08:00:00Z")).toBe("Next assessment due in 1 day (15 Nov 2026)");
    expect(text("2026-11-15T08:00:00Z")).toBe("Next assessment due today");
    expect(text("2026-12-01T00:00:00Z")).toBe("Next assessment was due 15 Nov 2026");
  });
});
