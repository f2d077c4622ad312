import "server-only";
import { sql } from "drizzle-orm";
import type { AreaStaleEvidence, StaleEvidence } from "@/lib/dashboard/stale-evidence";
import type { Quarter } from "@/lib/dashboard/quarter";
import { queryRows } from "../client";
import type { Ctx } from "../context";
import { asNumber } from "../driver-values";
import { requirePermission } from "./access";
import { remember } from "./dashboard-cache";
import { dashboardWithholding } from "./dashboard-privacy";
import { countedCte, type DashboardScope } from "./dashboard-scope";

// Per area, how many answers of the assessments the scope's teams count with in a quarter (each
// team's latest) have evidence that is stale on a given day. The same teams as the quarter's other
// figures, so the small-group rule decided for them (db/queries/dashboard-privacy.ts) is the one
// applied. A submitted assessment's evidence never changes, but staleness moves with the day: the
// day is part of the cache key.

/** Per area (as each assessment's own model version places its questions), the answers and those with stale evidence on `today`. */
async function loadStaleEvidence(ctx: Ctx, scope: DashboardScope, quarter: Quarter, today: string) {
  const rows = await queryRows<{ areaId: string | null; teams: number | string; answers: number | string; stale: number | string }>(
    ctx.db,
    sql`
      ${countedCte(ctx, scope, quarter, quarter)}
      select q.area_id as "areaId", count(distinct c.team_id) as teams, count(*) as answers,
        count(*) filter (where ev.expires_on <= ${today}::date) as stale
      from counted c
      join assessments a on a.id = c.assessment_id
      join model_versions mv on mv.id = a.model_version_id
      cross join lateral (
        select area->>'id' as area_id, question->>'id' as question_id
        from jsonb_array_elements(mv.definition->'areas') as area, jsonb_array_elements(area->'questions') as question
      ) q
      join answers an on an.organisation_id = ${ctx.organisationId} and an.assessment_id = a.id and an.question_id = q.question_id
      left join answer_evidence ev on ev.organisation_id = ${ctx.organisationId} and ev.assessment_id = a.id and ev.question_id = an.question_id
      where c.quarter = ${quarter}
      group by rollup (q.area_id)`,
  );
  const total = rows.find((r) => r.areaId === null);
  const areas: AreaStaleEvidence[] = rows
    .filter((r) => r.areaId !== null)
    .map((r) => ({ areaId: r.areaId!, answers: asNumber(r.answers), stale: asNumber(r.stale) }));
  return { teams: total ? asNumber(total.teams) : 0, areas };
}

/**
 * The share of stale evidence per area across the teams a dashboard counts in `quarter`, judged on
 * `today`, withheld from the asker exactly where the scope's figures of that quarter are. Areas are
 * as found: the view lays them out in the model's order.
 */
export async function staleEvidenceOfScope(ctx: Ctx, scope: DashboardScope, quarter: Quarter, today: string, version?: number): Promise<StaleEvidence> {
  requirePermission(ctx, "results.read");
  const [withholding, figures] = await Promise.all([
    dashboardWithholding(ctx, scope, [quarter], version),
    remember(ctx, `stale-evidence|${scope.groupId}|${scope.modelId}|${quarter}|${today}`, version, () => loadStaleEvidence(ctx, scope, quarter, today)),
  ]);
  const reason = withholding.withheld.get(quarter);
  return reason
    ? { quarter, today, teams: figures.teams, withheld: true, withheldReason: reason, areas: [] }
    : { quarter, today, teams: figures.teams, withheld: false, areas: figures.areas };
}
