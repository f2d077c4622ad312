import { quartiles, type Quartiles } from "../dashboard/aggregate";
import { MEASURED_METRICS, MEASURED_METRIC_NAMES, type MeasuredMetric } from "../model/measured-by";
import type { DeliveryMetrics } from "./metrics";

// How a metric is spread across the teams in a dashboard's scope: the median and the quartiles of
// the teams that have a figure for it (a team without failed deployments has no recovery time).

export type MetricDistribution = { metric: MeasuredMetric; teams: number; spread: Quartiles | null };

export function deliveryDistribution(teams: readonly DeliveryMetrics[]): MetricDistribution[] {
  return MEASURED_METRIC_NAMES.map((metric) => {
    const values = teams.map((t) => t[MEASURED_METRICS[metric].field]).filter((v): v is number => v !== null);
    return { metric, teams: values.length, spread: quartiles(values) ?? null };
  });
}
