import type { DeliveryEvent } from "./events";

// DORA's five delivery metrics for one team over a period, from the events of the team's services.
// The SQL in db/queries/delivery-metrics.ts computes the same figures for every quarter at once; a
// data test holds the two to the same answers.
//
// - Deployment frequency: deployments in the period, per week.
// - Change lead time: from a change's commit (its merge when no commit time is known) until the
//   first deployment of its service that went out at or after the merge; the median, in hours,
//   of the changes deployed in the period.
// - Change fail rate: the share of the period's deployments that failed: the deployment itself
//   failed, or an incident of the service was detected after it and before the service's next
//   deployment (the deployment that was live when it began).
// - Failed deployment recovery time: from a failed deployment until the earlier of the resolution
//   of an incident it caused and the next deployment of its service that did not fail; the median,
//   in hours, of the period's failed deployments that recovered.
// - Rework rate: the share of the period's deployments that were unplanned, made to fix a problem
//   users saw: marked so by the source, made while an incident of the service was open, or made
//   right after a deployment of the service that failed to go out.

export type Period = { from: Date; to: Date };

export type DeliveryMetrics = {
  deployments: number;
  deploymentsPerWeek: number;
  changesDeployed: number;
  changeLeadTimeHours: number | null;
  failedDeployments: number;
  changeFailRate: number | null;
  recoveredDeployments: number;
  failedDeploymentRecoveryHours: number | null;
  reworkDeployments: number;
  reworkRate: number | null;
};

type Deployment = Extract<DeliveryEvent, { kind: "deployment" }>;
type Incident = { service: string; detectedAt: number; resolvedAt: number | null };

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

/** The median as PostgreSQL's percentile_cont(0.5) takes it: the mean of the middle two of an even count. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
}

/** Events once each: a source that sends an event again (a retry, a replay) changes nothing. */
export function uniqueEvents(events: DeliveryEvent[]): DeliveryEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const key = `${e.source}\u0000${e.eventId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Deployments in the order they happened; events of the same instant by source and id, as the SQL does. */
const byTime = (a: Deployment, b: Deployment) =>
  a.at.getTime() - b.at.getTime() || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);

/** Incidents by the service, source and subject they are about: detected at the first detection, resolved at the first resolution. */
function incidentsOf(events: DeliveryEvent[]): Incident[] {
  const found = new Map<string, { service: string; detectedAt: number | null; resolvedAt: number | null }>();
  for (const e of events) {
    if (e.kind !== "incident_detected" && e.kind !== "incident_resolved") continue;
    const key = `${e.service}\u0000${e.source}\u0000${e.subject}`;
    const incident = found.get(key) ?? { service: e.service, detectedAt: null, resolvedAt: null };
    const field = e.kind === "incident_detected" ? "detectedAt" : "resolvedAt";
    incident[field] = Math.min(incident[field] ?? Infinity, e.at.getTime());
    found.set(key, incident);
  }
  return [...found.values()].filter((i): i is Incident => i.detectedAt !== null);
}

type Judged = { at: number; failed: boolean; rework: boolean; recoveredAt: number | null };

/** Every deployment of one service judged: did it fail, was it rework, when did the service recover from it. */
function judgeService(deployments: Deployment[], incidents: Incident[]): Judged[] {
  const sorted = [...deployments].sort(byTime);
  const times = sorted.map((d) => d.at.getTime());
  const caused = sorted.map((_, i) => incidents.filter((inc) => inc.detectedAt >= times[i]! && (i + 1 === times.length || inc.detectedAt < times[i + 1]!)));
  const failed = sorted.map((d, i) => d.outcome === "failure" || caused[i]!.length > 0);
  return sorted.map((d, i) => {
    const at = times[i]!;
    const duringIncident = incidents.some((inc) => inc.detectedAt <= at && (inc.resolvedAt === null || at < inc.resolvedAt));
    const rework = d.rework || duringIncident || (i > 0 && sorted[i - 1]!.outcome === "failure");
    let recoveredAt: number | null = null;
    if (failed[i]) {
      const fixed = sorted.findIndex((later, j) => j > i && later.outcome === "success" && !failed[j]);
      const candidates = [...caused[i]!.map((inc) => inc.resolvedAt), fixed === -1 ? null : times[fixed]!].filter((t): t is number => t !== null);
      recoveredAt = candidates.length > 0 ? Math.min(...candidates) : null;
    }
    return { at, failed: failed[i]!, rework, recoveredAt };
  });
}

/** The five metrics for the events of one team's services, over a period (from inclusive, to exclusive). */
export function deliveryMetrics(allEvents: DeliveryEvent[], period: Period): DeliveryMetrics {
  const events = uniqueEvents(allEvents);
  const from = period.from.getTime();
  const to = period.to.getTime();
  const within = (t: number) => t >= from && t < to;
  const incidents = incidentsOf(events);
  const deployments = events.filter((e): e is Deployment => e.kind === "deployment");
  const services = [...new Set(deployments.map((d) => d.service))];
  const judged = services.flatMap((service) =>
    judgeService(
      deployments.filter((d) => d.service === service),
      incidents.filter((i) => i.service === service),
    ),
  );
  const inPeriod = judged.filter((d) => within(d.at));
  const failed = inPeriod.filter((d) => d.failed);
  const recoveries = failed.flatMap((d) => (d.recoveredAt === null ? [] : [d.recoveredAt - d.at]));
  const rework = inPeriod.filter((d) => d.rework).length;

  const leadTimes: number[] = [];
  for (const change of events) {
    if (change.kind !== "change") continue;
    const merged = change.at.getTime();
    const deployedAt = Math.min(
      ...deployments.filter((d) => d.service === change.service && d.outcome === "success" && d.at.getTime() >= merged).map((d) => d.at.getTime()),
    );
    if (!within(deployedAt)) continue;
    leadTimes.push(Math.max(0, deployedAt - (change.committedAt ?? change.at).getTime()));
  }

  const count = inPeriod.length;
  const hours = (ms: number | null) => (ms === null ? null : ms / HOUR);
  return {
    deployments: count,
    deploymentsPerWeek: count / ((to - from) / WEEK),
    changesDeployed: leadTimes.length,
    changeLeadTimeHours: hours(median(leadTimes)),
    failedDeployments: failed.length,
    changeFailRate: count === 0 ? null : failed.length / count,
    recoveredDeployments: recoveries.length,
    failedDeploymentRecoveryHours: hours(median(recoveries)),
    reworkDeployments: rework,
    reworkRate: count === 0 ? null : rework / count,
  };
}
