import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { QUARTERS_AN_ASSESSMENT_COUNTS, quarterStart, type Quarter } from "@/lib/dashboard/quarter";
import type { Ctx } from "../context";

// The SQL pieces every dashboard figure shares: which teams are in scope, and which of their
// assessments count in which quarter (the quarter rule, lib/dashboard/aggregate.ts).

/** Which teams a dashboard looks at: the organisation's, or one group's (groups inside it included). */
export type DashboardScope = { groupId: string | null; modelId: string };

export const quarterOfColumn = (column: SQL) =>
  sql`(extract(year from ${column} at time zone 'UTC')::int * 4 + (extract(month from ${column} at time zone 'UTC')::int - 1) / 3)`;

/** The ids of the active teams in scope, as a subquery. */
export function teamsInScope(ctx: Ctx, groupId: string | null): SQL {
  if (groupId === null) return sql`select id from teams where organisation_id = ${ctx.organisationId} and archived_at is null`;
  return sql`
    with recursive sub(id) as (
      select id from groups where organisation_id = ${ctx.organisationId} and id = ${groupId}
      union all
      select g.id from groups g join sub on g.parent_id = sub.id where g.organisation_id = ${ctx.organisationId}
    )
    select t.id from teams t
    where t.organisation_id = ${ctx.organisationId} and t.archived_at is null and t.group_id in (select id from sub)`;
}

/** Submitted, scored assessments of the model, of the teams in scope (a subquery's FROM). */
function scoredInScope(ctx: Ctx, scope: DashboardScope): SQL {
  return sql`
    assessments a
    join assessment_scores s on s.assessment_id = a.id
    join model_versions mv on mv.id = a.model_version_id
    where a.organisation_id = ${ctx.organisationId} and a.status = 'submitted' and mv.model_id = ${scope.modelId}
      and a.team_id in (${teamsInScope(ctx, scope.groupId)})`;
}

/**
 * A WITH clause ending in `counted(quarter, team_id, assessment_id, water_level, weakest)`: per
 * quarter from `first` to `last`, each team in scope that counts there with the assessment and
 * result it counts with.
 */
export function countedCte(ctx: Ctx, scope: DashboardScope, first: Quarter, last: Quarter): SQL {
  return sql`
    with scored as (
      select a.id as assessment_id, a.team_id, a.submitted_at, s.water_level, s.weakest, ${quarterOfColumn(sql`a.submitted_at`)} as q
      from ${scoredInScope(ctx, scope)}
        and a.submitted_at >= ${quarterStart(first - QUARTERS_AN_ASSESSMENT_COUNTS).toISOString()}::timestamptz
        and a.submitted_at < ${quarterStart(last + 1).toISOString()}::timestamptz
    ),
    last_in_quarter as (
      select distinct on (team_id, q) assessment_id, team_id, q, water_level, weakest from scored order by team_id, q, submitted_at desc
    ),
    spans as (
      select assessment_id, team_id, q, water_level, weakest, lead(q) over (partition by team_id order by q) as next_q from last_in_quarter
    ),
    counted as (
      select c.q as quarter, s.team_id, s.assessment_id, s.water_level, s.weakest
      from spans s
      cross join lateral generate_series(
        greatest(s.q, ${first}::int),
        least(s.q + ${QUARTERS_AN_ASSESSMENT_COUNTS}::int, coalesce(s.next_q - 1, s.q + ${QUARTERS_AN_ASSESSMENT_COUNTS}::int), ${last}::int)
      ) as c(q)
    )`;
}
