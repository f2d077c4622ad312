import "server-only";
import type { Ctx } from "@/db/context";
import { teamDeliveryMetrics } from "@/db/queries/delivery-metrics";
import type { TeamDeliveryContract } from "@/lib/contracts/delivery";
import { quarterKey } from "@/lib/dashboard/quarter";
import { findTeamWithResults, requireIds } from "./find";

/** A team's DORA metrics per quarter, from the events of the services mapped to it; refused where its results are kept to the team. */
export async function teamDeliveryView(ctx: Ctx, teamId: string): Promise<TeamDeliveryContract> {
  requireIds(teamId);
  const team = await findTeamWithResults(ctx, teamId);
  const quarters = await teamDeliveryMetrics(ctx, teamId);
  return { teamId: team.id, teamName: team.name, quarters: quarters.map(({ quarter, ...figures }) => ({ quarter: quarterKey(quarter), ...figures })) };
}
