import "server-only";
import { quarterStart, type Quarter } from "@/lib/dashboard/quarter";
import { deliveryDistribution, type MetricDistribution } from "@/lib/delivery/distribution";
import type { Ctx } from "../context";
import { dashboardWithholding } from "./dashboard-privacy";
import { teamsInScope, type DashboardScope } from "./dashboard-scope";
import { metricsOfTeams } from "./delivery-metrics";

export type DeliverySpread = {
  quarter: Quarter;
  /** Teams in scope with delivery data in the quarter. */
  teams: number;
  /** Withheld from the asker: the scope's figures are withheld that quarter, or too few of its teams have delivery data and the asker is outside it. */
  withheld: boolean;
  metrics: MetricDistribution[];
};

/**
 * DORA's metrics across the teams of a dashboard's scope in one quarter, as medians and quartiles,
 * under the dashboard's small-group rule: where the scope's own figures are withheld from the asker,
 * so are these, and a scope with fewer teams measured than the organisation's minimum shows them
 * only to those inside it.
 */
export async function deliverySpread(ctx: Ctx, scope: DashboardScope, quarter: Quarter, version?: number): Promise<DeliverySpread> {
  const [withholding, rows] = await Promise.all([
    dashboardWithholding(ctx, scope, [quarter], version),
    metricsOfTeams(ctx, teamsInScope(ctx, scope.groupId), quarterStart(quarter)),
  ]);
  const inQuarter = rows.filter((r) => r.quarter === quarter);
  const withheld = withholding.withheld.has(quarter) || (!withholding.inside && inQuarter.length < withholding.policy.minTeams);
  return { quarter, teams: inQuarter.length, withheld, metrics: withheld ? [] : deliveryDistribution(inQuarter) };
}
