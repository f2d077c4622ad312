import { describe, expect, it } from "vitest";
import type { MeasuredBy } from "../model/measured-by";
import { levelForValue, measuredLevel, measuredQuarter, measuredReading, measuredSentence } from "./measured-level";
import { metricsWith } from "./test-metrics";

const scale = [1, 2, 3, 4, 5];
const frequency: MeasuredBy = { metric: "deployment-frequency", thresholds: [0.25, 1, 5, 15] };
const leadTime: MeasuredBy = { metric: "change-lead-time", thresholds: [720, 168, 24, 1] };
const failRate: MeasuredBy = { metric: "change-fail-rate", thresholds: [0.45, 0.3, 0.15, 0.05] };
const recovery: MeasuredBy = { metric: "failed-deployment-recovery-time", thresholds: [720, 168, 24, 1] };

const metrics = metricsWith;

describe("levelForValue", () => {
  it("reads a higher-is-better metric upwards: the highest threshold met, equal counting as met", () => {
    expect(levelForValue(frequency, scale, 0)).toBe(1);
    expect(levelForValue(frequency, scale, 0.2499)).toBe(1);
    expect(levelForValue(frequency, scale, 0.25)).toBe(2);
    expect(levelForValue(frequency, scale, 1)).toBe(3);
    expect(levelForValue(frequency, scale, 4.99)).toBe(3);
    expect(levelForValue(frequency, scale, 5)).toBe(4);
    expect(levelForValue(frequency, scale, 15)).toBe(5);
    expect(levelForValue(frequency, scale, 400)).toBe(5);
  });

  it("reads a lower-is-better metric downwards: lead time, fail rate and recovery", () => {
    expect(levelForValue(leadTime, scale, 2000)).toBe(1);
    expect(levelForValue(leadTime, scale, 720)).toBe(2);
    expect(levelForValue(leadTime, scale, 168.5)).toBe(2);
    expect(levelForValue(leadTime, scale, 168)).toBe(3);
    expect(levelForValue(leadTime, scale, 0.5)).toBe(5);
    expect(levelForValue(failRate, scale, 0.64)).toBe(1);
    expect(levelForValue(failRate, scale, 0.15)).toBe(4);
    expect(levelForValue(failRate, scale, 0)).toBe(5);
    expect(levelForValue(recovery, scale, 1)).toBe(5);
    expect(levelForValue(recovery, scale, 1.01)).toBe(4);
  });

  it("gives the scale's own values, not positions, on a scale that does not start at 1", () => {
    expect(levelForValue(frequency, [0, 1, 2, 3, 4], 1)).toBe(2);
    expect(levelForValue(frequency, [0, 1, 2, 3, 4], 0)).toBe(0);
  });
});

describe("measuredLevel", () => {
  it("measures the quarter's value of the question's metric", () => {
    expect(measuredLevel(frequency, scale, 8106, metrics({ deploymentsPerWeek: 2 }))).toEqual({
      metric: "deployment-frequency",
      quarter: 8106,
      metricValue: 2,
      level: 3,
    });
    expect(measuredLevel(leadTime, scale, 8106, metrics({ changeLeadTimeHours: 12 }))?.level).toBe(4);
  });

  it("says nothing without data: no metrics for the quarter, or none for this metric", () => {
    expect(measuredLevel(frequency, scale, 8106, undefined)).toBeNull();
    expect(measuredLevel(leadTime, scale, 8106, metrics({ changeLeadTimeHours: null }))).toBeNull();
    expect(measuredLevel(recovery, scale, 8106, metrics({ failedDeploymentRecoveryHours: null }))).toBeNull();
  });

  it("counts a quarter without deployments as the lowest level of frequency: the data is there, and says none", () => {
    expect(measuredLevel(frequency, scale, 8106, metrics({ deployments: 0, deploymentsPerWeek: 0 }))?.level).toBe(1);
  });

  it("measures over the last quarter that has ended", () => {
    expect(measuredQuarter(8106)).toBe(8105);
  });
});

describe("measuredSentence", () => {
  it("puts the answer beside what the data says", () => {
    const measured = measuredLevel(frequency, scale, 8106, metrics({ deploymentsPerWeek: 1.5 }))!;
    expect(measuredSentence("4", measured)).toBe("You answered 4; deployments say 3 (1.5 a week)");
    expect(measuredSentence("unsure", measured)).toBe("You answered unsure; deployments say 3 (1.5 a week)");
    expect(measuredSentence("5", measuredLevel(leadTime, scale, 8106, metrics({ changeLeadTimeHours: 72 }))!)).toBe(
      "You answered 5; lead time says 3 (3.0 days)",
    );
    expect(measuredReading("deployment-frequency", 1.5)).toBe("deployment frequency 1.5 a week");
    expect(measuredReading("change-fail-rate", 0.25)).toBe("change fail rate 25 %");
  });
});
