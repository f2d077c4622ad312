import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { quarterOf, type Quarter } from "@/lib/dashboard/quarter";
import type { DeliveryMetrics } from "@/lib/delivery/metrics";
import { notFoundError } from "@/lib/errors";
import { queryRows } from "../client";
import type { Ctx } from "../context";
import { teams } from "../schema";
import { teamPermits } from "./access";

export type QuarterMetrics = DeliveryMetrics & { quarter: Quarter };
export type TeamQuarterMetrics = QuarterMetrics & { teamId: string };

type Row = {
  [column: string]: unknown;
  team_id: string;
  quarter: number | string;
  deployments: number | string | null;
  deployments_per_week: number | string | null;
  failed: number | string | null;
  rework: number | string | null;
  recovered: number | string | null;
  recovery_seconds: number | string | null;
  changes: number | string | null;
  lead_seconds: number | string | null;
};

const num = (v: number | string | null) => (v === null ? null : Number(v));
const hours = (seconds: number | string | null) => (seconds === null ? null : Number(seconds) / 3600);

/**
 * DORA's five metrics for a team, per calendar quarter (UTC) in which it deployed, from the events of
 * the services mapped to it — the definitions of lib/delivery/metrics.ts, computed in one statement.
 * Ties in time are ordered by source and event id, byte by byte, as the pure functions order them.
 * The quarter under way is measured per week so far (at least a day), not per week of the whole quarter.
 */
export async function teamDeliveryMetrics(ctx: Ctx, teamId: string): Promise<QuarterMetrics[]> {
  const [team] = await ctx.db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.organisationId, ctx.organisationId), teamPermits(ctx, "results.read", teams.id)));
  if (!team) throw notFoundError("The team");
  return deliveryMetricsOf(ctx, teamId);
}

/** The same, for a write that has already decided the actor may act for the team (submitting its assessment). */
export async function deliveryMetricsOf(ctx: Ctx, teamId: string): Promise<QuarterMetrics[]> {
  return (await metricsOfTeams(ctx, sql`select ${teamId}::uuid`)).map(({ teamId: _, ...figures }) => figures);
}

/**
 * The metrics of every team a subquery of team ids names, per team and quarter, from `from` on (a
 * dashboard's teams in scope). The caller decides who may see them, and of which teams.
 */
export async function metricsOfTeams(ctx: Ctx, teamIds: SQL, from?: Date): Promise<TeamQuarterMetrics[]> {
  const rows = await queryRows<Row>(
    ctx.db,
    sql`
    with ev as (
      select s.team_id, e.service_id, e.source, e.event_id, e.kind, e.occurred_at as at, e.outcome, e.rework, e.subject, e.committed_at
      from delivery_events e join delivery_services s on s.id = e.service_id
      where s.organisation_id = ${ctx.organisationId} and e.organisation_id = ${ctx.organisationId} and s.team_id in (${teamIds})
    ),
    incidents as (
      select service_id,
        min(at) filter (where kind = 'incident_detected') as detected_at,
        min(at) filter (where kind = 'incident_resolved') as resolved_at
      from ev where kind in ('incident_detected', 'incident_resolved')
      group by service_id, source, subject
      having count(*) filter (where kind = 'incident_detected') > 0
    ),
    ordered as (
      select team_id, service_id, at, outcome, rework,
        lead(at) over w as next_at,
        lag(outcome) over w as previous_outcome,
        row_number() over w as position
      from ev where kind = 'deployment'
      window w as (partition by service_id order by at, source collate "C", event_id collate "C")
    ),
    judged as (
      select o.*,
        (select min(i.resolved_at) from incidents i
          where i.service_id = o.service_id and i.detected_at >= o.at and (o.next_at is null or i.detected_at < o.next_at)) as caused_resolved_at,
        o.outcome = 'failure' or exists (select 1 from incidents i
          where i.service_id = o.service_id and i.detected_at >= o.at and (o.next_at is null or i.detected_at < o.next_at)) as failed,
        o.rework or coalesce(o.previous_outcome = 'failure', false) or exists (select 1 from incidents i
          where i.service_id = o.service_id and i.detected_at <= o.at and (i.resolved_at is null or o.at < i.resolved_at)) as is_rework
      from ordered o
    ),
    recovered as (
      -- The next deployment of the service that went out and did not fail: read backwards, a running minimum (one pass, not a search per row).
      select j.*, case when j.failed then least(j.caused_resolved_at, min(case when j.outcome = 'success' and not j.failed then j.at end)
        over (partition by j.service_id order by j.position desc rows between unbounded preceding and 1 preceding)) end as recovered_at
      from judged j
    ),
    by_deployment as (
      select team_id, (extract(year from at at time zone 'UTC') * 4 + extract(quarter from at at time zone 'UTC') - 1)::int as quarter,
        count(*)::int as deployments,
        count(*) filter (where failed)::int as failed,
        count(*) filter (where is_rework)::int as rework,
        count(recovered_at)::int as recovered,
        percentile_cont(0.5) within group (order by extract(epoch from recovered_at - at)::float8) filter (where recovered_at is not null) as recovery_seconds
      from recovered group by 1, 2
    ),
    changes as (
      -- The first deployment that went out at or after the merge, found through the (service, time) index.
      select c.team_id, c.at, c.committed_at, (select min(d.occurred_at) from delivery_events d
        where d.service_id = c.service_id and d.occurred_at >= c.at and d.kind = 'deployment' and d.outcome = 'success') as deployed_at
      from ev c where c.kind = 'change'
    ),
    by_change as (
      select team_id, (extract(year from deployed_at at time zone 'UTC') * 4 + extract(quarter from deployed_at at time zone 'UTC') - 1)::int as quarter,
        count(*)::int as changes,
        percentile_cont(0.5) within group (order by greatest(0, extract(epoch from deployed_at - coalesce(committed_at, at)))::float8) as lead_seconds
      from changes where deployed_at is not null group by 1, 2
    )
    select coalesce(d.team_id, c.team_id) as team_id, coalesce(d.quarter, c.quarter) as quarter, d.deployments, d.failed, d.rework, d.recovered, d.recovery_seconds, c.changes, c.lead_seconds,
      coalesce(d.deployments, 0) / (extract(epoch from least(q.start + interval '3 months', greatest(now(), q.start + interval '1 day')) - q.start)::float8 / 604800) as deployments_per_week
    from by_deployment d full join by_change c on c.team_id = d.team_id and c.quarter = d.quarter
    cross join lateral (select make_timestamptz(coalesce(d.quarter, c.quarter) / 4, (coalesce(d.quarter, c.quarter) % 4) * 3 + 1, 1, 0, 0, 0, 'UTC') as start) q
    ${from ? sql`where coalesce(d.quarter, c.quarter) >= ${quarterOf(from)}` : sql``}
    order by 1, 2`,
  );
  return rows.map((r) => {
    const deployments = num(r.deployments) ?? 0;
    const failed = num(r.failed) ?? 0;
    const rework = num(r.rework) ?? 0;
    return {
      teamId: r.team_id,
      quarter: Number(r.quarter),
      deployments,
      deploymentsPerWeek: Number(r.deployments_per_week),
      changesDeployed: num(r.changes) ?? 0,
      changeLeadTimeHours: hours(r.lead_seconds),
      failedDeployments: failed,
      changeFailRate: deployments === 0 ? null : failed / deployments,
      recoveredDeployments: num(r.recovered) ?? 0,
      failedDeploymentRecoveryHours: hours(r.recovery_seconds),
      reworkDeployments: rework,
      reworkRate: deployments === 0 ? null : rework / deployments,
    };
  });
}
