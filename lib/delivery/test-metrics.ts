import type { DeliveryMetrics } from "./metrics";

/** A quarter's metrics for tests: ten deployments, one a week, none failed, with the figures given. */
export const metricsWith = (figures: Partial<DeliveryMetrics>): DeliveryMetrics => ({
  deployments: 10,
  deploymentsPerWeek: 1,
  changesDeployed: 0,
  changeLeadTimeHours: null,
  failedDeployments: 0,
  changeFailRate: 0,
  recoveredDeployments: 0,
  failedDeploymentRecoveryHours: null,
  reworkDeployments: 0,
  reworkRate: 0,
  ...figures,
});
