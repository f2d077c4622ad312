import { describe, expect, it } from "vitest";
import { formatFrequency, formatHours, formatRate } from "./format";

describe("delivery figures as they read", () => {
  it("gives durations in minutes, hours or days", () => {
    expect(formatHours(null)).toBe("–");
    expect(formatHours(0.75)).toBe("45 min");
    expect(formatHours(5.25)).toBe("5.3 h");
    expect(formatHours(47.9)).toBe("47.9 h");
    expect(formatHours(76.8)).toBe("3.2 days");
  });

  it("gives shares as whole percentages and frequencies per week or day", () => {
    expect(formatRate(null)).toBe("–");
    expect(formatRate(0.125)).toBe("13 %");
    expect(formatFrequency(0)).toBe("0.0 a week");
    expect(formatFrequency(2.33)).toBe("2.3 a week");
    expect(formatFrequency(24.5)).toBe("3.5 a day");
  });
});
