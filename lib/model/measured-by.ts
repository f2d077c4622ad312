import { z } from "zod";

// A question a delivery metric measures: which of DORA's metrics, and the value a team's metric must
// reach for each level above the lowest. The metrics are named as in YAML (kebab-case); the
// direction says whether a higher value is better (deployments a week) or a lower one (hours, shares).

export const MEASURED_METRICS = {
  "deployment-frequency": { field: "deploymentsPerWeek", better: "higher", unit: "deployments a week" },
  "change-lead-time": { field: "changeLeadTimeHours", better: "lower", unit: "hours" },
  "change-fail-rate": { field: "changeFailRate", better: "lower", unit: "share of deployments (0 to 1)" },
  "failed-deployment-recovery-time": { field: "failedDeploymentRecoveryHours", better: "lower", unit: "hours" },
  "rework-rate": { field: "reworkRate", better: "lower", unit: "share of deployments (0 to 1)" },
} as const;

export type MeasuredMetric = keyof typeof MEASURED_METRICS;
export const MEASURED_METRIC_NAMES = Object.keys(MEASURED_METRICS) as [MeasuredMetric, ...MeasuredMetric[]];
const metricNames = MEASURED_METRIC_NAMES;

export const measuredBySchema = z.strictObject({
  metric: z.enum(metricNames, { error: `must be one of ${metricNames.join(", ")}` }),
  /** The value the metric must reach for each level above the lowest, lowest level first. */
  thresholds: z.array(z.number().finite().nonnegative("must not be negative")),
});

export type MeasuredBy = z.infer<typeof measuredBySchema>;

type Problem = { path: (string | number)[]; message: string };

/** A threshold per level above the lowest, in the order the metric's direction asks for. */
export function measuredByProblems(measuredBy: MeasuredBy, levelCount: number): Problem[] {
  const { metric, thresholds } = measuredBy;
  if (thresholds.length !== levelCount - 1)
    return [
      {
        path: ["thresholds"],
        message: `needs exactly ${levelCount - 1} thresholds (one per level above the lowest), found ${thresholds.length}`,
      },
    ];
  const { better, unit } = MEASURED_METRICS[metric];
  const problems: Problem[] = [];
  thresholds.forEach((value, i) => {
    const previous = thresholds[i - 1];
    if (previous === undefined) return;
    if (better === "higher" ? value <= previous : value >= previous)
      problems.push({
        path: ["thresholds", i],
        message: `${metric} is better ${better}, so each level's threshold must be ${better} than the one below (${value} after ${previous} ${unit})`,
      });
  });
  return problems;
}
