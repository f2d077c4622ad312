import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { quartiles, type DashboardSeries, type QuarterFigures } from "@/lib/dashboard/aggregate";
import { quarterStart, type Quarter } from "@/lib/dashboard/quarter";
import { queryRows } from "../client";
import type { Ctx } from "../context";
import { requirePermission } from "./access";
import { remember } from "./dashboard-cache";
import { dashboardPolicy, dashboardWithholding, teamRowsKey } from "./dashboard-privacy";
import { countedCte, teamsInScope, type DashboardScope } from "./dashboard-scope";
import { teamResultsVisible } from "./privacy";
import { listGroups, teamsPerGroup, type GroupRow } from "./groups";
import { asDate, asJson, asNumber, asNumberArray } from "../driver-values";

// The leadership dashboard, aggregated in SQL over stored scores (never by scoring answers again).
// Only submitted assessments count, of active teams; notes are never read here. The privacy rule
// (lib/dashboard/privacy.ts) is applied in these functions, so no page can forget it.

export type { DashboardScope } from "./dashboard-scope";

/** The organisation's groups and how many active teams each holds directly, as the dashboard shows them (kept like the figures). */
export async function dashboardGroups(ctx: Ctx, version?: number): Promise<{ groups: GroupRow[]; teamsPerGroup: Map<string, number> }> {
  requirePermission(ctx, "results.read");
  return remember(ctx, "groups", version, async () => {
    const [groups, direct] = await Promise.all([listGroups(ctx), teamsPerGroup(ctx)]);
    return { groups, teamsPerGroup: direct };
  });
}

/** The models the organisation's submitted assessments use, most used first. */
export async function dashboardModels(ctx: Ctx, version?: number): Promise<{ modelId: string; assessments: number }[]> {
  requirePermission(ctx, "results.read");
  return remember(ctx, "models", version, () =>
    queryRows<{ modelId: string; assessments: number }>(
      ctx.db,
      sql`select mv.model_id as "modelId", count(*)::int as assessments
          from assessments a join model_versions mv on mv.id = a.model_version_id
          where a.organisation_id = ${ctx.organisationId} and a.status = 'submitted'
          group by mv.model_id order by count(*) desc, mv.model_id`,
    ),
  );
}

export type HeatmapRow = {
  teamId: string;
  teamName: string;
  groupId: string | null;
  /** The team's latest submitted assessment of the model; undefined when it has none. */
  latest?: { assessmentId: string; submittedAt: Date; waterLevel: number | null; weakest: string[]; areas: Record<string, number | null> };
};

export type HeatmapPage = { rows: HeatmapRow[]; total: number };
export type HeatmapSort = "name" | "group";

/** The heatmap's one statement (exported so the bench can show its plan). */
export function heatmapSql(ctx: Ctx, scope: DashboardScope, { sort, offset, limit }: { sort: HeatmapSort; offset: number; limit?: number }): SQL {
  const pageOrder = sort === "group" ? sql`page.path nulls last, lower(page.name), page.id` : sql`lower(page.name), page.id`;
  // The page of teams first, then the latest assessment and area scores of those teams only.
  return sql`
    with recursive group_paths(id, path) as (
      select id, lower(name) from groups where organisation_id = ${ctx.organisationId} and parent_id is null
      union all
      select g.id, gp.path || ' / ' || lower(g.name) from groups g join group_paths gp on g.parent_id = gp.id
      where g.organisation_id = ${ctx.organisationId}
    ),
    page as (
      select t.id, t.name, t.group_id, gp.path, count(*) over ()::int as total
      from teams t left join group_paths gp on gp.id = t.group_id
      where t.id in (${teamsInScope(ctx, scope.groupId)}) and ${teamResultsVisible(ctx, sql`t.id`)}
      order by ${sort === "group" ? sql`gp.path nulls last, lower(t.name), t.id` : sql`lower(t.name), t.id`}
      ${limit === undefined ? sql`` : sql`limit ${limit}`} offset ${offset}
    )
    select page.id as "teamId", page.name as "teamName", page.group_id as "groupId", page.total,
      l.id as "assessmentId", l.submitted_at as "submittedAt", l.water_level as "waterLevel", l.weakest,
      (select json_agg(json_build_array(x.area_id, x.score) order by x.position)
         from assessment_area_scores x where x.assessment_id = l.id) as areas
    from page
    left join lateral (
      select a.id, a.submitted_at, s.water_level, s.weakest
      from assessments a
      join assessment_scores s on s.assessment_id = a.id
      join model_versions mv on mv.id = a.model_version_id
      where a.organisation_id = ${ctx.organisationId} and a.team_id = page.id and a.status = 'submitted' and mv.model_id = ${scope.modelId}
      order by a.submitted_at desc
      limit 1
    ) l on true
    order by ${pageOrder}`;
}

/**
 * One page of the heatmap: every team in scope whose own results the asker may read, with the area scores of its latest submitted
 * assessment of the model, sorted by name or by group (never by score). `limit` undefined: all teams.
 */
export async function heatmapRows(
  ctx: Ctx,
  scope: DashboardScope,
  { sort = "name", offset = 0, limit, version }: { sort?: HeatmapSort; offset?: number; limit?: number; version?: number } = {},
): Promise<HeatmapPage> {
  requirePermission(ctx, "results.read");
  // Under "the team and its leads only", the rows depend on who asks: so does the key.
  const rowsOf = teamRowsKey(ctx, await dashboardPolicy(ctx, version));
  const key = `heatmap|${rowsOf}|${scope.groupId}|${scope.modelId}|${sort}|${offset}|${limit}`;
  return remember(ctx, key, version, () => loadHeatmap(ctx, scope, { sort, offset, limit }));
}

async function loadHeatmap(
  ctx: Ctx,
  scope: DashboardScope,
  { sort, offset, limit }: { sort: HeatmapSort; offset: number; limit?: number },
): Promise<HeatmapPage> {
  const rows = await queryRows<{
    teamId: string;
    teamName: string;
    groupId: string | null;
    assessmentId: string | null;
    submittedAt: Date | string | null;
    waterLevel: number | null;
    weakest: string[] | null;
    areas: [string, number | null][] | string | null;
    total: number;
  }>(ctx.db, heatmapSql(ctx, scope, { sort, offset, limit }));
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => {
      const areas = r.areas === null ? null : asJson(r.areas);
      return {
        teamId: r.teamId,
        teamName: r.teamName,
        groupId: r.groupId,
        latest:
          r.assessmentId === null
            ? undefined
            : {
                assessmentId: r.assessmentId,
                submittedAt: asDate(r.submittedAt!),
                waterLevel: r.waterLevel,
                weakest: r.weakest ?? [],
                areas: Object.fromEntries(areas ?? []),
              },
      };
    }),
  };
}

/**
 * The quarterly series' one statement (exported so the bench can show its plan): per quarter from
 * `first` to `last`, the teams counted with their sorted water levels, and per area the number of
 * teams with it as a weakest stave.
 */
export function seriesSql(ctx: Ctx, scope: DashboardScope, first: Quarter, last: Quarter): SQL {
  return sql`
    ${countedCte(ctx, scope, first, last)}
    select quarter, null::text as area, count(*)::int as n,
      array_agg(water_level order by water_level) filter (where water_level is not null) as levels
    from counted group by quarter
    union all
    select quarter, w.area, count(*)::int as n, null as levels
    from counted cross join lateral unnest(weakest) as w(area) group by quarter, w.area
    order by 1, 2 nulls first`;
}

/**
 * The quarterly series of the dashboard for `quarters` (consecutive, oldest first): per quarter the
 * teams counted, the median water level and its spread, and the weakest-stave counts, with the
 * small-group rule applied for the asker (db/queries/dashboard-privacy.ts): a withheld quarter
 * keeps only its team count and says why.
 */
export async function quarterlySeries(ctx: Ctx, scope: DashboardScope, quarters: readonly Quarter[], version?: number): Promise<DashboardSeries> {
  requirePermission(ctx, "results.read");
  const first = quarters[0]!;
  const last = quarters.at(-1)!;
  const [{ counts, rows }, privacy] = await Promise.all([
    remember(ctx, `series|${scope.groupId}|${scope.modelId}|${first}|${last}`, version, () => loadSeries(ctx, scope, first, last)),
    dashboardWithholding(ctx, scope, quarters, version),
  ]);
  const { minTeams, teamResults } = privacy.policy;
  const withheld = !privacy.inside && (counts?.assessed ?? 0) < minTeams;
  const byQuarter = new Map<number, QuarterFigures>(quarters.map((q) => [q, { quarter: q, teams: 0, withheld: false, weakest: {} }]));
  for (const figures of byQuarter.values()) {
    const reason = withheld ? "too-few-teams" : privacy.withheld.get(figures.quarter);
    if (reason) Object.assign(figures, { withheld: true, withheldReason: reason });
  }
  for (const row of rows) {
    const figures = byQuarter.get(asNumber(row.quarter));
    if (!figures) continue;
    if (row.area === null) {
      figures.teams = row.n;
      if (!figures.withheld) figures.waterLevel = quartiles(asNumberArray(row.levels));
    } else if (!figures.withheld) {
      figures.weakest[row.area] = row.n;
    }
  }
  return {
    teams: counts?.teams ?? 0,
    assessedTeams: counts?.assessed ?? 0,
    assessedRecently: counts?.recent ?? 0,
    withheld,
    privacy: { minTeams, teamResults, inside: privacy.inside },
    quarters: [...byQuarter.values()],
  };
}

/** The series' raw figures, before the privacy rule (which depends on who asks). */
async function loadSeries(ctx: Ctx, scope: DashboardScope, first: Quarter, last: Quarter) {
  const [counts] = await queryRows<{ teams: number; assessed: number; recent: number }>(
    ctx.db,
    sql`
      select count(*)::int as teams, count(l.latest)::int as assessed,
        count(*) filter (where l.latest >= ${quarterStart(last - 1).toISOString()}::timestamptz)::int as recent
      from teams t
      left join lateral (
        select max(a.submitted_at) as latest
        from assessments a join model_versions mv on mv.id = a.model_version_id
        where a.organisation_id = ${ctx.organisationId} and a.team_id = t.id and a.status = 'submitted' and mv.model_id = ${scope.modelId}
      ) l on true
      where t.id in (${teamsInScope(ctx, scope.groupId)})`,
  );
  const rows = await queryRows<{ quarter: number; area: string | null; n: number; levels: number[] | string | null }>(
    ctx.db,
    seriesSql(ctx, scope, first, last),
  );
  return { counts, rows };
}
