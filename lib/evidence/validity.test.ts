import { describe, expect, it } from "vitest";
import { parseValidity, validityText } from "./validity";

const message = (text: string) => {
  const parsed = parseValidity(text);
  return parsed.ok ? undefined : parsed.message;
};

describe("parseValidity", () => {
  it("reads months, days, years, weeks and their combinations", () => {
    expect(parseValidity("P12M")).toEqual({ ok: true, validity: { years: 0, months: 12, weeks: 0, days: 0 } });
    expect(parseValidity("P90D")).toEqual({ ok: true, validity: { years: 0, months: 0, weeks: 0, days: 90 } });
    expect(parseValidity("P1Y")).toEqual({ ok: true, validity: { years: 1, months: 0, weeks: 0, days: 0 } });
    expect(parseValidity(" p1y6m ")).toEqual({ ok: true, validity: { years: 1, months: 6, weeks: 0, days: 0 } });
    expect(parseValidity("P2W")).toEqual({ ok: true, validity: { years: 0, months: 0, weeks: 2, days: 0 } });
  });

  it("refuses forever, zero, negative and time-of-day validities with their own messages", () => {
    expect(message("forever")).toMatch(/cannot hold forever/);
    expect(message("P0D")).toMatch(/zero/);
    expect(message("P0Y0M")).toMatch(/zero/);
    expect(message("-P1M")).toMatch(/cannot be negative/);
    expect(message("P-1M")).toMatch(/cannot be negative/);
    expect(message("PT12H")).toMatch(/not hours/);
    expect(message("")).toMatch(/Give a validity/);
  });

  it("refuses what is not an ISO 8601 duration, quoting it", () => {
    expect(message("12 months")).toBe("“12 months” is not an ISO 8601 duration: write P, then a number and Y, M, W or D, such as P12M, P90D or P1Y.");
    expect(message("P")).toMatch(/not an ISO 8601 duration/);
    expect(message("P1M1Y")).toMatch(/not an ISO 8601 duration/);
  });

  it("allows ten years in any unit and refuses a day more", () => {
    expect(parseValidity("P10Y").ok).toBe(true);
    expect(parseValidity("P120M").ok).toBe(true);
    expect(message("P10Y1D")).toMatch(/At most 10 years/);
    expect(message("P121M")).toMatch(/At most 10 years/);
    expect(message("P4000D")).toMatch(/At most 10 years/);
  });
});

describe("validityText", () => {
  it("says a validity in words", () => {
    expect(validityText("P12M")).toBe("12 months");
    expect(validityText("P1Y6M")).toBe("1 year and 6 months");
    expect(validityText("P1Y2M3D")).toBe("1 year, 2 months and 3 days");
    expect(validityText("P1D")).toBe("1 day");
  });
});
