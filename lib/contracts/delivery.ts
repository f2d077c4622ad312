import { z } from "zod";

const hours = z.number().nullable();
const rate = z.number().min(0).max(1).nullable();

/** One calendar quarter (UTC) of a team's delivery metrics. */
export const deliveryQuarterSchema = z.object({
  quarter: z.string().describe('The calendar quarter (UTC), e.g. "2026-Q3".'),
  deployments: z.number().int(),
  deploymentsPerWeek: z.number().describe("Deployment frequency: the quarter's deployments per week."),
  changesDeployed: z.number().int(),
  changeLeadTimeHours: hours.describe("Change lead time: the median hours from a change's commit to its deployment; null without changes deployed."),
  failedDeployments: z.number().int(),
  changeFailRate: rate.describe("Change fail rate: the share of deployments that failed or caused an incident; null without deployments."),
  recoveredDeployments: z.number().int(),
  failedDeploymentRecoveryHours: hours.describe("Failed deployment recovery time: the median hours until the fix went out or the incident was resolved."),
  reworkDeployments: z.number().int(),
  reworkRate: rate.describe("Rework rate: the share of deployments that were unplanned, made to fix a problem users saw."),
});

/** A team's delivery metrics per quarter in which it deployed, oldest first. */
export const teamDeliverySchema = z.object({
  teamId: z.string(),
  teamName: z.string(),
  quarters: z.array(deliveryQuarterSchema),
});
export type TeamDeliveryContract = z.infer<typeof teamDeliverySchema>;
