import type { Quarter } from "../dashboard/quarter";
import { MEASURED_METRICS, type MeasuredBy, type MeasuredMetric } from "../model/measured-by";
import { formatFrequency, formatHours, formatRate } from "./format";
import type { DeliveryMetrics } from "./metrics";

// What a team's delivery data says its level is, for a question a metric measures.
//
// The period is the last complete calendar quarter before the moment asked about (for a submitted
// assessment, its submission): the same quarter the trend table and the API show, computed by the
// same SQL, and it stays the same figure for the whole of the next quarter, so a level read at
// submission can be read again, and explained, later. A quarter under way is left out: its first
// weeks would judge a team on a handful of deployments.

export type MeasuredLevel = {
  metric: MeasuredMetric;
  quarter: Quarter;
  /** The metric's value in the quarter, in the metric's unit (deployments a week, hours, a share). */
  metricValue: number;
  /** The scale value of the level the metric reaches. */
  level: number;
};

/** The quarter a level is measured over at a moment: the last one that has ended. */
export const measuredQuarter = (quarterAt: Quarter): Quarter => quarterAt - 1;

/** The level a metric value reaches: the highest level whose threshold it meets (equal counts as met). */
export function levelForValue(measuredBy: MeasuredBy, scaleValues: readonly number[], metricValue: number): number {
  const higher = MEASURED_METRICS[measuredBy.metric].better === "higher";
  const met = measuredBy.thresholds.filter((t) => (higher ? metricValue >= t : metricValue <= t)).length;
  return scaleValues[Math.min(met, scaleValues.length - 1)]!;
}

/**
 * The measured level for a question, from the team's metrics of the quarter (null when the team has
 * no delivery data that quarter, or none for this metric: no changes deployed, no failed deployments).
 */
export function measuredLevel(
  measuredBy: MeasuredBy,
  scaleValues: readonly number[],
  quarter: Quarter,
  metrics: DeliveryMetrics | undefined,
): MeasuredLevel | null {
  if (!metrics) return null;
  const value = metrics[MEASURED_METRICS[measuredBy.metric].field];
  if (value === null) return null;
  return { metric: measuredBy.metric, quarter, metricValue: value, level: levelForValue(measuredBy, scaleValues, value) };
}

const READINGS: Record<MeasuredMetric, [says: string, name: string, format: (value: number) => string]> = {
  "deployment-frequency": ["deployments say", "deployment frequency", (v) => formatFrequency(v)],
  "change-lead-time": ["lead time says", "change lead time", formatHours],
  "change-fail-rate": ["fail rate says", "change fail rate", formatRate],
  "failed-deployment-recovery-time": ["recovery time says", "failed deployment recovery time", formatHours],
  "rework-rate": ["rework says", "rework rate", formatRate],
};

/** "deployment frequency 1.5 a week", "change lead time 3.2 days". */
export function measuredReading(metric: MeasuredMetric, metricValue: number): string {
  const [, name, format] = READINGS[metric];
  return `${name} ${format(metricValue)}`;
}

/** What the data says beside what the team answered: "You answered 4; deployments say 2 (1.5 a week)". */
export function measuredSentence(answered: string, measured: Pick<MeasuredLevel, "metric" | "metricValue" | "level">): string {
  const [says, , format] = READINGS[measured.metric];
  return `You answered ${answered}; ${says} ${measured.level} (${format(measured.metricValue)})`;
}
