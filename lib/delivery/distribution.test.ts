import { describe, expect, it } from "vitest";
import { deliveryDistribution } from "./distribution";
import { metricsWith } from "./test-metrics";

const team = (deploymentsPerWeek: number, changeLeadTimeHours: number | null, failedDeploymentRecoveryHours: number | null) =>
  metricsWith({ deploymentsPerWeek, changeLeadTimeHours, failedDeploymentRecoveryHours, changeFailRate: 0.1 });

describe("deliveryDistribution", () => {
  it("gives each metric's median and quartiles across the teams that have a figure for it", () => {
    const [frequency, lead, , recovery] = deliveryDistribution([team(1, 24, null), team(2, null, 3), team(3, 48, null), team(10, 72, null)]);
    expect(frequency).toEqual({ metric: "deployment-frequency", teams: 4, spread: { q1: 1.75, median: 2.5, q3: 4.75 } });
    expect(lead).toEqual({ metric: "change-lead-time", teams: 3, spread: { q1: 36, median: 48, q3: 60 } });
    expect(recovery).toEqual({ metric: "failed-deployment-recovery-time", teams: 1, spread: { q1: 3, median: 3, q3: 3 } });
  });

  it("has no spread without teams", () => {
    expect(deliveryDistribution([]).map((d) => d.spread)).toEqual([null, null, null, null, null]);
  });
});
