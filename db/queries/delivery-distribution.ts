import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { WithheldReason } from "@/lib/dashboard/privacy";
import { quarterStart, type Quarter } from "@/lib/dashboard/quarter";
import { deliveryDistribution, type MetricDistribution } from "@/lib/delivery/distribution";
import { teamsInFilter } from "@/lib/groups";
import type { Ctx } from "../context";
import { teams } from "../schema";
import { dashboardVersion, remember } from "./dashboard-cache";
import { dashboardWithholding, privacyGroups, withholdingAmong } from "./dashboard-privacy";
import { teamsInScope, type DashboardScope } from "./dashboard-scope";
import { metricsOfTeams, type TeamQuarterMetrics } from "./delivery-metrics";

export type DeliverySpread = {
  quarter: Quarter;
  /** Teams in scope with delivery data in the quarter. */
  teams: number;
  /** Withheld from the asker: the scope's figures are withheld that quarter, or those of its teams with delivery data would identify them (too few, or by subtraction). */
  withheld: boolean;
  /** Why, when withheld. */
  withheldReason?: WithheldReason;
  metrics: MetricDistribution[];
};

type MeasuredTeam = TeamQuarterMetrics & { groupId: string | null };

/** Every active team of the organisation with delivery data in the quarter, its metrics and its group. */
async function measuredTeams(ctx: Ctx, quarter: Quarter): Promise<MeasuredTeam[]> {
  const [rows, placed] = await Promise.all([
    metricsOfTeams(ctx, teamsInScope(ctx, null), quarterStart(quarter)),
    ctx.db
      .select({ id: teams.id, groupId: teams.groupId })
      .from(teams)
      .where(and(eq(teams.organisationId, ctx.organisationId), isNull(teams.archivedAt))),
  ]);
  const groupOf = new Map(placed.map((t) => [t.id, t.groupId]));
  return rows.filter((r) => r.quarter === quarter).map((r) => ({ ...r, groupId: groupOf.get(r.teamId) ?? null }));
}

/**
 * DORA's metrics across the teams of a dashboard's scope in one quarter, as medians and quartiles,
 * under the dashboard's small-group rule: where the scope's own figures are withheld from the asker,
 * so are these; and the rule is applied again to the teams with delivery data, so that a scope with
 * too few of them, or whose spread taken with another group's would single out fewer than the
 * minimum by subtraction, shows them only to those inside it. The organisation's metrics are kept
 * at the dashboard version (events recorded and services mapped move it) and for the day (the
 * quarter under way is measured per week so far); what is withheld is decided per asker after.
 */
export async function deliverySpread(ctx: Ctx, scope: DashboardScope, quarter: Quarter, version?: number): Promise<DeliverySpread> {
  const known = version ?? (await dashboardVersion(ctx));
  const today = new Date().toISOString().slice(0, 10);
  const measuring = remember(ctx, `delivery|${quarter}|${today}`, known, () => measuredTeams(ctx, quarter));
  const [assessed, measured, groups, measuredWithholding] = await Promise.all([
    dashboardWithholding(ctx, scope, [quarter], known),
    measuring,
    privacyGroups(ctx, known),
    withholdingAmong(
      ctx,
      scope.groupId,
      [quarter],
      measuring.then((all) => new Map([[quarter, all]])),
      known,
    ),
  ]);
  const inScope = teamsInFilter(measured, groups, scope.groupId ?? "all");
  const withheldReason =
    assessed.withheld.get(quarter) ??
    measuredWithholding.withheld.get(quarter) ??
    (!assessed.inside && inScope.length < assessed.policy.minTeams ? "too-few-teams" : undefined);
  if (withheldReason) return { quarter, teams: inScope.length, withheld: true, withheldReason, metrics: [] };
  return { quarter, teams: inScope.length, withheld: false, metrics: deliveryDistribution(inScope) };
}
