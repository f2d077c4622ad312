import { describe, expect, it } from "vitest";
import type { DeliveryEvent } from "./events";
import { deliveryMetrics, median } from "./metrics";

const t = (day: number, hour = 0) => new Date(Date.UTC(2026, 0, day, hour));
const JANUARY = { from: t(1), to: t(32) };
let n = 0;
const id = () => `e${++n}`;
const deploy = (at: Date, extra: Partial<{ outcome: "success" | "failure"; rework: boolean; service: string; eventId: string }> = {}): DeliveryEvent => ({
  kind: "deployment",
  source: "stave",
  eventId: extra.eventId ?? id(),
  service: extra.service ?? "checkout",
  at,
  outcome: extra.outcome ?? "success",
  rework: extra.rework ?? false,
});
const change = (at: Date, committedAt: Date | null, service = "checkout"): DeliveryEvent => ({
  kind: "change",
  source: "stave",
  eventId: id(),
  service,
  at,
  subject: id(),
  committedAt,
});
const incident = (kind: "incident_detected" | "incident_resolved", subject: string, at: Date, service = "checkout"): DeliveryEvent => ({
  kind,
  source: "pagerduty",
  eventId: id(),
  service,
  at,
  subject,
});

describe("median", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("deliveryMetrics", () => {
  it("gives counts of zero and no rates for an empty period", () => {
    const m = deliveryMetrics([deploy(t(40))], JANUARY);
    expect(m).toMatchObject({
      deployments: 0,
      deploymentsPerWeek: 0,
      changeLeadTimeHours: null,
      changeFailRate: null,
      failedDeploymentRecoveryHours: null,
      reworkRate: null,
    });
  });

  it("counts deployments per week of the period", () => {
    const m = deliveryMetrics([deploy(t(2)), deploy(t(9)), deploy(t(16)), deploy(t(23)), deploy(t(30)), deploy(t(33))], JANUARY);
    expect(m.deployments).toBe(5);
    expect(m.deploymentsPerWeek).toBeCloseTo(5 / (31 / 7));
    expect(m.changeFailRate).toBe(0);
    expect(m.reworkRate).toBe(0);
  });

  it("measures a change from its commit to the first deployment of its service at or after its merge", () => {
    const events = [
      change(t(3, 10), t(2, 10)), // deployed on the 4th at noon: 50 hours
      change(t(3, 11), null), // no commit time: from the merge, 25 hours
      change(t(4, 12), t(4, 6)), // deployed with the deployment at the same instant: 6 hours
      deploy(t(4, 12)),
      change(t(5), t(5), "payments"), // its service never deployed: not counted
      change(t(31, 12), t(31)), // deployed in February: not January's
      deploy(t(33)),
    ];
    const m = deliveryMetrics(events, JANUARY);
    expect(m.changesDeployed).toBe(3);
    expect(m.changeLeadTimeHours).toBe(25);
  });

  it("skips a deployment that failed to go out when finding where a change was deployed", () => {
    const m = deliveryMetrics([change(t(3), t(3)), deploy(t(4), { outcome: "failure" }), deploy(t(5))], JANUARY);
    expect(m.changeLeadTimeHours).toBe(48);
  });

  it("follows a failed deployment and its fix: failure, recovery time and rework", () => {
    const events = [
      deploy(t(10, 9)),
      deploy(t(10, 12)), // breaks checkout
      incident("incident_detected", "INC-1", t(10, 13)),
      deploy(t(10, 15)), // the fix, made while the incident is open
      incident("incident_resolved", "INC-1", t(10, 16)),
      deploy(t(11, 9)),
    ];
    const m = deliveryMetrics(events, JANUARY);
    expect(m.deployments).toBe(4);
    expect(m.failedDeployments).toBe(1);
    expect(m.changeFailRate).toBe(0.25);
    // Recovered when the fix went out (15:00), before the incident was closed (16:00).
    expect(m.failedDeploymentRecoveryHours).toBe(3);
    expect(m.reworkDeployments).toBe(1);
    expect(m.reworkRate).toBe(0.25);
  });

  it("takes an incident resolved before any fix as the recovery, and a deployment failing to go out as a failure", () => {
    const events = [
      deploy(t(10, 12)),
      incident("incident_detected", "INC-2", t(10, 14)),
      incident("incident_resolved", "INC-2", t(10, 18)), // a flag turned off: no deployment
      deploy(t(12)),
      deploy(t(13), { outcome: "failure" }),
      deploy(t(13, 2)), // the retry: right after a failure, so rework, and the recovery
    ];
    const m = deliveryMetrics(events, JANUARY);
    expect(m.failedDeployments).toBe(2);
    // 6 hours (deployed at noon, resolved at 18:00) and 2 hours (the retry): the median is 4.
    expect(m.failedDeploymentRecoveryHours).toBe(4);
    expect(m.reworkDeployments).toBe(1);
  });

  it("gives the same figures whatever order the events arrive in, and counts a duplicate once", () => {
    const events = [
      deploy(t(10, 9), { eventId: "d1" }),
      deploy(t(10, 12), { eventId: "d2" }),
      incident("incident_detected", "INC-1", t(10, 13)),
      deploy(t(10, 15), { eventId: "d3" }),
      incident("incident_resolved", "INC-1", t(10, 16)),
      change(t(9), t(8)),
    ];
    const inOrder = deliveryMetrics(events, JANUARY);
    const shuffled = deliveryMetrics([events[4]!, events[3]!, events[5]!, events[1]!, events[0]!, events[2]!, events[3]!, events[1]!], JANUARY);
    expect(shuffled).toEqual(inOrder);
    expect(shuffled.deployments).toBe(3);
  });

  it("keeps services apart: an incident of one does not fail the other's deployment", () => {
    const events = [deploy(t(10)), deploy(t(10, 1), { service: "payments" }), incident("incident_detected", "INC-9", t(10, 2), "payments")];
    const m = deliveryMetrics(events, JANUARY);
    expect(m.failedDeployments).toBe(1);
    expect(m.changeFailRate).toBe(0.5);
  });

  it("counts a deployment the source marks as rework, and leaves an unrecovered failure out of the recovery time", () => {
    const m = deliveryMetrics([deploy(t(10), { rework: true }), deploy(t(11), { outcome: "failure" })], JANUARY);
    expect(m.reworkDeployments).toBe(1);
    expect(m.failedDeployments).toBe(1);
    expect(m.recoveredDeployments).toBe(0);
    expect(m.failedDeploymentRecoveryHours).toBeNull();
  });
});
