import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { quarterOf, quarterStart, type Quarter } from "@/lib/dashboard/quarter";
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
 * With `from`, only the quarters from its quarter on (see metricsOfTeams).
 */
export async function teamDeliveryMetrics(ctx: Ctx, teamId: string, from?: Date): Promise<QuarterMetrics[]> {
  const [team] = await ctx.db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.organisationId, ctx.organisationId), teamPermits(ctx, "results.read", teams.id)));
  if (!team) throw notFoundError("The team");
  return deliveryMetricsOf(ctx, teamId, from);
}

/** The same, for a write that has already decided the actor may act for the team (submitting its assessment). */
export async function deliveryMetricsOf(ctx: Ctx, teamId: string, from?: Date): Promise<QuarterMetrics[]> {
  return (await metricsOfTeams(ctx, sql`select ${teamId}::uuid`, from)).map(({ teamId: _, ...figures }) => figures);
}

/**
 * The metrics of every team a subquery of team ids names, per team and quarter, from `from`'s quarter
 * on (a dashboard's teams in scope). The caller decides who may see them, and of which teams.
 *
 * With `from`, a service's events are read from its last successful deployment before the quarter
 * on, not from its first: a change merged after it goes out in the quarter or later, one merged
 * before it went out with it; the deployment just before the quarter is read (a failed one makes the
 * next rework), and incidents still open then. Each deployment is judged in one pass over the
 * service's timeline (deployments, detections, resolutions in time order) rather than by a search
 * of the incidents per deployment.
 */
export async function metricsOfTeams(ctx: Ctx, teamIds: SQL, from?: Date): Promise<TeamQuarterMetrics[]> {
  const first = from === undefined ? undefined : quarterOf(from);
  const rows = await queryRows<Row>(
    ctx.db,
    sql`
    with svc as (
      select s.id as service_id, s.organisation_id, s.team_id, ${
        first === undefined
          ? sql`null::timestamptz`
          : sql`(select max(d.occurred_at) from delivery_events d
              where d.service_id = s.id and d.kind = 'deployment' and d.outcome = 'success' and d.occurred_at < ${quarterStart(first).toISOString()}::timestamptz)`
      } as since
      from delivery_services s where s.organisation_id = ${ctx.organisationId} and s.team_id in (${teamIds})
    ),
    ev as (
      -- Service by service through the (service, kind, time) index, whatever the planner knows of the tables.
      select v.team_id, e.* from svc v cross join lateral (
        select e.service_id, e.source, e.event_id, e.kind, e.occurred_at as at, e.outcome, e.rework, e.committed_at from delivery_events e
        where e.service_id = v.service_id and e.organisation_id = v.organisation_id and e.kind in ('deployment', 'change')
          and e.occurred_at >= coalesce(v.since, '-infinity'::timestamptz)
        offset 0
      ) e
    ),
    incidents as (
      select e.service_id,
        min(e.occurred_at) filter (where e.kind = 'incident_detected') as detected_at,
        min(e.occurred_at) filter (where e.kind = 'incident_resolved') as resolved_at
      from svc v cross join lateral (
        select e.service_id, e.source, e.subject, e.kind, e.occurred_at from delivery_events e
        where e.service_id = v.service_id and e.organisation_id = v.organisation_id and e.kind in ('incident_detected', 'incident_resolved')
        offset 0
      ) e
      group by e.service_id, v.since, e.source, e.subject
      having count(*) filter (where e.kind = 'incident_detected') > 0
        and (v.since is null or min(e.occurred_at) filter (where e.kind = 'incident_detected') >= v.since
          or coalesce(min(e.occurred_at) filter (where e.kind = 'incident_resolved') > v.since, true))
    ),
    deployments as (
      select team_id, service_id, at, outcome, rework,
        lag(outcome) over w as previous_outcome,
        row_number() over w as position
      from ev where kind = 'deployment'
      window w as (partition by service_id order by at, source collate "C", event_id collate "C")
    ),
    timeline as (
      select team_id, service_id, at, 'deployment' as kind, position, outcome, rework, previous_outcome, 0 as opens, null::timestamptz as resolved_at from deployments
      union all
      -- An incident is open from its detection until its resolution (never, resolved before it was detected).
      select null, service_id, detected_at, 'detected', null, null, null, null,
        case when resolved_at is null or resolved_at > detected_at then 1 else 0 end, resolved_at from incidents
      union all
      select null, service_id, resolved_at, 'resolved', null, null, null, null, -1, null from incidents where resolved_at > detected_at
    ),
    swept as (
      select t.*,
        -- Incidents open at the moment (detected at or before it, not yet resolved).
        sum(opens) over (partition by service_id order by at, kind <> 'deployment' desc) as open_incidents,
        -- The deployment live at the moment: the last at or before it.
        max(position) over (partition by service_id order by at, kind = 'deployment' desc) as live
      from timeline t
    ),
    judged as (
      -- A deployment failed when it failed to go out or an incident was detected while it was live.
      select s.*,
        s.outcome = 'failure' or count(*) filter (where kind = 'detected') over caused > 0 as failed,
        min(resolved_at) filter (where kind = 'detected') over caused as caused_resolved_at,
        s.rework or coalesce(s.previous_outcome = 'failure', false) or s.open_incidents > 0 as is_rework
      from swept s
      window caused as (partition by service_id, case when kind = 'deployment' then position else live end)
    ),
    recovered as (
      -- The next deployment of the service that went out and did not fail: read backwards, a running minimum (one pass, not a search per row).
      select j.*, case when j.failed then least(j.caused_resolved_at, min(case when j.outcome = 'success' and not j.failed then j.at end)
        over (partition by j.service_id order by j.position desc rows between unbounded preceding and 1 preceding)) end as recovered_at
      from judged j where j.kind = 'deployment'
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
      -- The first deployment that went out at or after the merge: read backwards, a running minimum
      -- (a deployment at the same moment as the merge comes first).
      select team_id, kind, at, committed_at, min(case when kind = 'deployment' and outcome = 'success' then at end)
        over (partition by service_id order by at desc, kind = 'deployment' desc) as deployed_at
      from ev
    ),
    by_change as (
      select team_id, (extract(year from deployed_at at time zone 'UTC') * 4 + extract(quarter from deployed_at at time zone 'UTC') - 1)::int as quarter,
        count(*)::int as changes,
        percentile_cont(0.5) within group (order by greatest(0, extract(epoch from deployed_at - coalesce(committed_at, at)))::float8) as lead_seconds
      from changes where kind = 'change' and deployed_at is not null group by 1, 2
    )
    select coalesce(d.team_id, c.team_id) as team_id, coalesce(d.quarter, c.quarter) as quarter, d.deployments, d.failed, d.rework, d.recovered, d.recovery_seconds, c.changes, c.lead_seconds,
      coalesce(d.deployments, 0) / (extract(epoch from least(q.start + interval '3 months', greatest(now(), q.start + interval '1 day')) - q.start)::float8 / 604800) as deployments_per_week
    from by_deployment d full join by_change c on c.team_id = d.team_id and c.quarter = d.quarter
    cross join lateral (select make_timestamptz(coalesce(d.quarter, c.quarter) / 4, (coalesce(d.quarter, c.quarter) % 4) * 3 + 1, 1, 0, 0, 0, 'UTC') as start) q
    ${first === undefined ? sql`` : sql`where coalesce(d.quarter, c.quarter) >= ${first}`}
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
