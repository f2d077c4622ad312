// The dashboard's bench data (run through setup-data.ts): a generated organisation of many teams
// with stored scores only, and the query plans of the dashboard's heaviest statements.
import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDbHandle, queryRows } from "@/db/client";
import { heatmapSql, seriesSql } from "@/db/queries/dashboard";
import { getLatestModelVersion } from "@/db/queries/model-versions";
import { groups } from "@/db/schema";
import { systemActor } from "@/lib/actor";
import { quarterOf } from "@/lib/dashboard/quarter";
import { CORE_MODEL_ID } from "@/lib/model/core";
import { SCORING_VERSION } from "@/lib/scoring";
import { startUp } from "@/server/start-up";
import { withTransaction } from "@/db/transaction";
import { createApiToken } from "@/db/queries/api-tokens";

export type DashboardBenchData = {
  driver: "pglite" | "postgres";
  organisationId: string;
  userId: string;
  cookie: string;
  modelId: string;
  teams: number;
  groups: number;
  assessments: number;
  /** A department (four tribes) for the one-group figures, and how many teams it holds. */
  groupId: string;
  groupTeams: number;
  teamIds: string[];
  /** An API token of the organisation (read and events:write), for the API and ingest figures. */
  apiToken: string;
  /** One service per team, mapped to it, in the order of the teams' names: what ingested events name. */
  services: string[];
};

const DEPARTMENTS = 8;
const TRIBES_PER_DEPARTMENT = 4;
const DASHBOARD_QUARTERS = 12;

/**
 * A generated organisation for the dashboard figures, written with a few set-based statements:
 * teams spread over 32 tribes in 8 departments, 12 quarterly assessments each, and area scores made
 * up from a hash of the assessment (1.0–4.9), with the headline figures derived from them as
 * scoring does (water level = lowest area, weakest = every area at it, spill = mean − water level).
 */
export async function dashboardSetup(
  teamCount: number,
  benchUser: (run: string) => Promise<{ userId: string; organisationId: string; cookie: string }>,
): Promise<DashboardBenchData> {
  const { driver, db } = await startUp();
  const run = `${new Date().toISOString().slice(0, 19)} ${randomBytes(3).toString("hex")}`;
  const { userId, organisationId, cookie } = await benchUser(run);
  const model = await getLatestModelVersion({ organisationId, actor: systemActor("bench"), db }, CORE_MODEL_ID);
  if (!model) throw new Error(`The ${CORE_MODEL_ID} model is not loaded.`);
  const areas = model.model.areas.map((a, position) => sql`(${a.id}, ${position}::int, ${a.name})`);
  const departments = Array.from({ length: DEPARTMENTS }, (_, d) => ({ id: randomUUID(), organisationId, name: `Department ${d + 1}`, parentId: null }));
  const tribes = departments.flatMap((dep, d) =>
    Array.from({ length: TRIBES_PER_DEPARTMENT }, (_, t) => ({ id: randomUUID(), organisationId, name: `Tribe ${d + 1}.${t + 1}`, parentId: dep.id })),
  );
  await withTransaction({ db }, async ({ db }) => {
    await db.insert(groups).values([...departments, ...tribes]);
    const tribeIds = sql`array[${sql.join(
      tribes.map((t) => sql`${t.id}::uuid`),
      sql`, `,
    )}]`;
    await db.execute(sql`
      insert into teams (organisation_id, name, group_id)
      select ${organisationId}, 'Team ' || lpad(i::text, 5, '0'), (${tribeIds})[1 + (i % ${tribes.length})]
      from generate_series(1, ${teamCount}) as i`);
    await db.execute(sql`
      insert into assessments (organisation_id, team_id, model_version_id, status, submitted_at, created_at)
      select ${organisationId}, t.id, ${model.id}, 'submitted', d.at, d.at - interval '5 days'
      from teams t
      cross join generate_series(0, ${DASHBOARD_QUARTERS - 1}) as k
      cross join lateral (select now() - ((k * 91 + 3 + abs(hashtext(t.id::text || k::text)) % 60) * interval '1 day') as at) d
      where t.organisation_id = ${organisationId}`);
    const areaScores = sql`
      select a.id as assessment_id, ar.id as area_id, ar.position, ar.name,
        (1 + (abs(hashtext(a.id::text || ar.id)) % 40) / 10.0)::float8 as score
      from assessments a cross join (values ${sql.join(areas, sql`, `)}) as ar(id, position, name)
      where a.organisation_id = ${organisationId}`;
    await db.execute(sql`
      with x as (${areaScores}),
      w as (select *, min(score) over (partition by assessment_id) as water, avg(score) over (partition by assessment_id) as mean from x)
      insert into assessment_scores (assessment_id, organisation_id, scoring_version, water_level, weakest, spill, mean, level_answers, unsure_answers, not_applicable_answers)
      select assessment_id, ${organisationId}, ${SCORING_VERSION}, water,
        array_agg(area_id order by position) filter (where score = water),
        round((mean - water)::numeric, 1)::float8, round(mean::numeric, 1)::float8, ${model.model.areas.length * 9}, 0, 0
      from w group by assessment_id, water, mean`);
    await db.execute(sql`
      insert into assessment_area_scores (assessment_id, organisation_id, area_id, position, name, score, percent, sum, scored, unsure, not_applicable, unanswered)
      select assessment_id, ${organisationId}, area_id, position, name, score, round((score - 1) / 4 * 100)::int, round(score * 9)::int, 9, 0, 0, 0
      from (${areaScores}) x`);
  });
  // A live database keeps its statistics up to date (autovacuum); freshly bulk-loaded tables have none yet.
  await db.execute(sql`analyze teams, groups, assessments, assessment_scores, assessment_area_scores`);
  const owner = { organisationId, actor: { kind: "member" as const, userId, role: "owner" as const }, db };
  const { token: apiToken } = await createApiToken(owner, { name: "Bench", scopes: ["read", "events:write"], expiresIn: "30" });
  // A service per team, mapped: ingested events count for the teams at once.
  const services = await queryRows<{ name: string }>(
    db,
    sql`insert into delivery_services (organisation_id, name, team_id)
      select ${organisationId}, 'svc-' || lpad(row_number() over (order by name, id)::text, 5, '0'), id from teams where organisation_id = ${organisationId}
      returning name`,
  );
  const [first] = await queryRows<{ id: string }>(db, sql`select id from teams where organisation_id = ${organisationId} order by name limit 1`);
  const [counts] = await queryRows<{ assessments: number; groupTeams: number }>(
    db,
    sql`select (select count(*)::int from assessments where organisation_id = ${organisationId}) as assessments,
      (select count(*)::int from teams where group_id in (select id from groups where parent_id = ${departments[0]!.id})) as "groupTeams"`,
  );
  return {
    driver,
    organisationId,
    userId,
    cookie,
    modelId: CORE_MODEL_ID,
    teams: teamCount,
    groups: departments.length + tribes.length,
    assessments: counts!.assessments,
    groupId: departments[0]!.id,
    groupTeams: counts!.groupTeams,
    teamIds: [first!.id],
    apiToken,
    services: services.map((s) => s.name).sort(),
  };
}

/** EXPLAIN ANALYZE of the dashboard's two heaviest statements, for the organisation and for the group. */
export async function explainDashboard(data: DashboardBenchData) {
  const { db } = await getDbHandle();
  const ctx = { organisationId: data.organisationId, actor: systemActor("bench"), db };
  const now = quarterOf(new Date());
  const plans: Record<string, string[]> = {};
  for (const [name, groupId] of [
    ["organisation", null],
    ["group", data.groupId],
  ] as const) {
    const scope = { groupId, modelId: data.modelId };
    for (const [what, query] of [
      ["series", seriesSql(ctx, scope, now - 7, now)],
      ["heatmap", heatmapSql(ctx, scope, { sort: "name", offset: 0, limit: 100 })],
    ] as const) {
      const rows = await queryRows<{ "QUERY PLAN": string }>(db, sql`explain (analyze, buffers) ${query}`);
      plans[`${name} ${what}`] = rows.map((r) => r["QUERY PLAN"]);
    }
  }
  return plans;
}
