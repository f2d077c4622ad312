import "server-only";
import { sql } from "drizzle-orm";
import { isInside, ORGANISATION, withheldCells, type CountedTeam, type PrivacyPolicy, type WithheldReason } from "@/lib/dashboard/privacy";
import type { Quarter } from "@/lib/dashboard/quarter";
import { queryRows } from "../client";
import type { Ctx } from "../context";
import { asNumber } from "../driver-values";
import { remember } from "./dashboard-cache";
import { countedCte, type DashboardScope } from "./dashboard-scope";
import { listGroups } from "./groups";
import { askerOf, getPrivacyPolicy, leadsEveryTeam } from "./privacy";

// The small-group rule for whoever asks, over the whole organisation at once: a group's figures are
// withheld in a quarter when it has too few teams counted, or when shown beside its parent and
// siblings they would give a withheld group's away by subtraction (lib/dashboard/privacy.ts).
// The figures are kept per organisation and version; what is withheld is decided per asker after.

/** The organisation's privacy settings, kept with the figures (changing them moves the version). */
export const dashboardPolicy = (ctx: Ctx, version: number | undefined): Promise<PrivacyPolicy> =>
  remember(ctx, "privacy", version, () => getPrivacyPolicy(ctx));

/** The key of whose team rows a heatmap holds: every team's, or those of the asker's own teams. */
export function teamRowsKey(ctx: Ctx, policy: PrivacyPolicy): string {
  if (policy.teamResults === "organisation" || leadsEveryTeam(ctx.actor)) return "all";
  return ctx.actor.kind === "member" ? `member:${ctx.actor.userId}` : "none";
}

/** Per quarter, every team of the organisation counted there and the group it sits in. */
async function countedTeams(ctx: Ctx, modelId: string, first: Quarter, last: Quarter): Promise<Map<number, CountedTeam[]>> {
  const rows = await queryRows<{ quarter: number | string; teamId: string; groupId: string | null }>(
    ctx.db,
    sql`${countedCte(ctx, { groupId: null, modelId }, first, last)}
        select c.quarter, c.team_id as "teamId", t.group_id as "groupId" from counted c join teams t on t.id = c.team_id
        order by 1, 2`,
  );
  const byQuarter = new Map<number, CountedTeam[]>();
  for (const r of rows) {
    const q = asNumber(r.quarter);
    byQuarter.set(q, [...(byQuarter.get(q) ?? []), { teamId: r.teamId, groupId: r.groupId }]);
  }
  return byQuarter;
}

export type DashboardWithholding = {
  policy: PrivacyPolicy;
  /** Whether the asker is inside the group looked at (owners and admins are inside every group). */
  inside: boolean;
  /** Quarter → why the scope's figures are withheld there; absent when shown. */
  withheld: Map<number, WithheldReason>;
};

/** The organisation's groups, kept with the figures. */
export const privacyGroups = (ctx: Ctx, version: number | undefined) => remember(ctx, "privacy-groups", version, () => listGroups(ctx));

/** What of a dashboard's quarters is withheld from the asker, and why: its teams counted are those assessed. */
export async function dashboardWithholding(ctx: Ctx, scope: DashboardScope, quarters: readonly Quarter[], version?: number): Promise<DashboardWithholding> {
  const first = quarters[0]!;
  const last = quarters.at(-1)!;
  const counted = remember(ctx, `counted|${scope.modelId}|${first}|${last}`, version, () => countedTeams(ctx, scope.modelId, first, last));
  return withholdingAmong(ctx, scope.groupId, quarters, counted, version);
}

/**
 * The same rule for figures of other teams counted (those with delivery data in a quarter, say):
 * what of a group's quarters (null: the organisation's) is withheld from the asker, given every
 * team of the organisation counted in each quarter and its group.
 */
export async function withholdingAmong(
  ctx: Ctx,
  groupId: string | null,
  quarters: readonly Quarter[],
  counting: ReadonlyMap<number, readonly CountedTeam[]> | Promise<ReadonlyMap<number, readonly CountedTeam[]>>,
  version?: number,
): Promise<DashboardWithholding> {
  const [policy, groups, counted] = await Promise.all([dashboardPolicy(ctx, version), privacyGroups(ctx, version), counting]);
  const asker = await askerOf(ctx, groups);
  const cell = groupId ?? ORGANISATION;
  const withheld = new Map<number, WithheldReason>();
  for (const q of quarters) {
    const reason = withheldCells(groups, counted.get(q) ?? [], asker, policy.minTeams).get(cell);
    if (reason) withheld.set(q, reason);
  }
  return { policy, inside: isInside(asker, cell), withheld };
}
