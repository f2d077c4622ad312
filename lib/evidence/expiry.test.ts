import { describe, expect, it } from "vitest";
import { evidenceState, evidenceStateText, expiresOn, isStale, parseDay } from "./expiry";

const at = (iso: string) => new Date(iso);

describe("expiresOn", () => {
  it("adds the validity in calendar days, months and years", () => {
    expect(expiresOn("2026-03-02", "P12M")).toBe("2027-03-02");
    expect(expiresOn("2026-03-02", "P90D")).toBe("2026-05-31");
    expect(expiresOn("2026-03-02", "P1Y")).toBe("2027-03-02");
    expect(expiresOn("2026-12-31", "P1D")).toBe("2027-01-01");
  });

  it("lands on the month's last day when the month is shorter", () => {
    expect(expiresOn("2026-01-31", "P1M")).toBe("2026-02-28");
    expect(expiresOn("2028-01-31", "P1M")).toBe("2028-02-29");
    expect(expiresOn("2026-03-31", "P1M")).toBe("2026-04-30");
    expect(expiresOn("2026-08-31", "P6M")).toBe("2027-02-28");
    expect(expiresOn("2028-02-29", "P1Y")).toBe("2029-02-28");
  });

  it("refuses a day that does not exist", () => {
    expect(parseDay("2026-02-30")).toBeUndefined();
    expect(parseDay("2026-2-3")).toBeUndefined();
    expect(() => expiresOn("2026-02-30", "P1M")).toThrow(/not a calendar day/);
  });
});

describe("evidenceState", () => {
  it("is stale from the expiry day on, and valid until the day before", () => {
    expect(evidenceState("2026-01-31", "P1M", at("2026-02-27T23:59:59Z"))).toEqual({
      state: "expiring",
      expiresOn: "2026-02-28",
      validUntil: "2026-02-27",
      daysLeft: 1,
    });
    expect(evidenceState("2026-01-31", "P1M", at("2026-02-28T00:00:00Z"))).toEqual({ state: "stale", expiresOn: "2026-02-28", staleDays: 0 });
    expect(isStale("2026-01-31", "P1M", at("2026-03-02T10:00:00Z"))).toBe(true);
    expect(isStale("2026-01-31", "P1M", at("2026-02-27T10:00:00Z"))).toBe(false);
  });

  it("is expiring within 30 days of the expiry, valid before that", () => {
    expect(evidenceState("2025-03-02", "P12M", at("2026-01-31T12:00:00Z")).state).toBe("expiring");
    expect(evidenceState("2025-03-02", "P12M", at("2026-01-30T12:00:00Z")).state).toBe("valid");
  });

  it("reads as the person needs it", () => {
    expect(evidenceStateText(evidenceState("2025-03-02", "P12M", at("2026-03-05T00:00:00Z")))).toBe("Stale since 2 Mar 2026");
    expect(evidenceStateText(evidenceState("2025-03-02", "P12M", at("2025-06-01T00:00:00Z")))).toBe("Valid until 1 Mar 2026");
  });
});
