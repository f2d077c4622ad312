// Bench data helper, run by scripts/bench/run.mjs with `tsx --conditions=react-server`:
//   setup <respondents>   creates one team with a draft assessment per simulated respondent, and
//                         one team with a history (8 submitted assessments) for the page figures
//   verify <file>         checks that the last answer each respondent saved is what the database holds
//   cleanup <file>        deletes what setup created (PostgreSQL: the database is shared)
//   dashboard <teams>     creates an organisation of that many teams in 40 groups (8 departments of
//                         4 tribes), each team with 12 quarterly submitted assessments and stored
//                         scores (no answers: dashboards read stored scores only), for the dashboard figures
//   explain <file>        prints the query plans of the dashboard's statements for that organisation
// It talks to the database the app would use (DATABASE_URL, else PGlite in STAVE_DATA_DIR), so for
// PGlite it must run while no server holds the data folder. Results go to stdout as one
// `BENCH_DATA <json>` line.
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword, makeSignature } from "better-auth/crypto";
import { readFileSync } from "node:fs";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDbHandle, queryRows, type Db } from "@/db/client";
import { heatmapSql, seriesSql } from "@/db/queries/dashboard";
import { quarterOf } from "@/lib/dashboard/quarter";
import { SCORING_VERSION } from "@/lib/scoring";
import { startAssessment } from "@/db/queries/assessments";
import { getLatestModelVersion, listLatestModels, type StoredModel } from "@/db/queries/model-versions";
import { createOrganisation } from "@/db/queries/organisations";
import { createTeam } from "@/db/queries/teams";
import { accounts, answers, assessments, groups, organisations, sessions, settings, users } from "@/db/schema";
import { insertDemoTeams } from "@/db/seed/demo";
import { buildDemoStories } from "@/db/seed/demo-stories";
import { questionsOf } from "@/lib/model/lookup";
import { env } from "@/lib/env";
import { getAuth } from "@/server/auth";
import { systemActor } from "@/lib/actor";
import { startUp } from "@/server/start-up";

const PREFERRED_MODEL = "devops-core";

export type BenchData = {
  driver: "pglite" | "postgres";
  organisationId: string;
  userId: string;
  /** The bench user's signed session cookie, sent with every request. */
  cookie: string;
  modelId: string;
  teamIds: string[];
  assessmentIds: string[];
  questionIds: string[];
  levels: number[];
  /** A team with submitted assessments (oldest first), in the same organisation, for the team, results and trend pages. */
  history: { teamId: string; assessmentIds: string[] };
};

type Expected = { kind: string; level: number | null; reason: string | null; note: string | null };
export type VerifyInput = { organisationId: string; expected: Record<string, Record<string, Expected>> };

/**
 * A bench user who owns a fresh organisation, signed in through a session row and a cookie signed
 * the way the auth library signs it; checked against the library before use.
 */
async function benchUser(run: string) {
  const { db } = await getDbHandle();
  const auth = await getAuth(); // makes sure the signing secret exists
  const userId = randomUUID();
  await db.insert(users).values({ id: userId, name: "Bench respondent", email: `bench-${userId}@bench.example` });
  await db.insert(accounts).values({ id: randomUUID(), userId, accountId: userId, providerId: "credential", password: await hashPassword(randomUUID()) });
  const organisation = await createOrganisation(db, `Bench ${run}`, userId);
  const token = randomBytes(24).toString("base64url");
  await db.insert(sessions).values({ id: randomUUID(), token, userId, expiresAt: new Date(Date.now() + 86_400_000), activeOrganisationId: organisation.id });
  const [secret] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, "auth_secret"));
  const signed = `${token}.${await makeSignature(token, env().BETTER_AUTH_SECRET ?? secret!.value)}`;
  const cookie = `better-auth.session_token=${encodeURIComponent(signed)}`;
  const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
  if (session?.user.id !== userId) throw new Error("the bench session cookie was not accepted");
  return { userId, organisationId: organisation.id, cookie };
}

const HISTORY_ASSESSMENTS = 8;

/**
 * A team with two years of quarterly submitted assessments (the first demo story, built from the
 * model itself, scores stored as a submission stores them), in the bench organisation, so that
 * cleanup takes it away with the organisation.
 */
async function historyTeam(db: Db, organisationId: string, model: StoredModel, name: string) {
  const story = buildDemoStories(model.model, new Date()).teams.find((t) => t.assessments.length >= HISTORY_ASSESSMENTS);
  if (!story) throw new Error(`no demo story has ${HISTORY_ASSESSMENTS} assessments`);
  const [team] = await db.transaction((tx) =>
    insertDemoTeams(tx, organisationId, model, [{ ...story, name, assessments: story.assessments.slice(-HISTORY_ASSESSMENTS) }]),
  );
  const rows = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(eq(assessments.teamId, team!.id))
    .orderBy(asc(assessments.submittedAt));
  return { teamId: team!.id, assessmentIds: rows.map((r) => r.id) };
}

async function setup(respondents: number): Promise<BenchData> {
  const { driver, db } = await startUp();
  const run = `${new Date().toISOString().slice(0, 19)} ${randomBytes(3).toString("hex")}`;
  const { userId, organisationId, cookie } = await benchUser(run);
  const organisation = { id: organisationId };

  const modelId = (await getLatestModelVersion(db, PREFERRED_MODEL))
    ? PREFERRED_MODEL
    : (await listLatestModels(db))[0]?.modelId;
  const model = modelId ? await getLatestModelVersion(db, modelId) : undefined;
  const ctx = { organisationId: organisation.id, actor: systemActor("bench"), db };
  if (!modelId || !model) throw new Error("No maturity model is loaded (content/models is empty?).");

  const teamIds: string[] = [];
  const assessmentIds: string[] = [];
  for (let i = 0; i < respondents; i++) {
    const team = await createTeam(ctx, `Bench ${run} #${String(i + 1).padStart(2, "0")}`);
    teamIds.push(team.id);
    assessmentIds.push(await startAssessment(ctx, team.id, modelId));
  }
  const history = await historyTeam(db, organisation.id, model, `Bench ${run} history`);
  return {
    driver,
    organisationId: organisation.id,
    userId,
    cookie,
    modelId,
    teamIds,
    assessmentIds,
    questionIds: questionsOf(model.model).map((q) => q.question.id),
    levels: model.model.scale.map((l) => l.value),
    history,
  };
}

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
async function dashboardSetup(teamCount: number): Promise<DashboardBenchData> {
  const { driver, db } = await startUp();
  const run = `${new Date().toISOString().slice(0, 19)} ${randomBytes(3).toString("hex")}`;
  const { userId, organisationId, cookie } = await benchUser(`dashboard ${teamCount} ${run}`);
  const model = await getLatestModelVersion(db, PREFERRED_MODEL);
  if (!model) throw new Error(`The ${PREFERRED_MODEL} model is not loaded.`);
  const areas = model.model.areas.map((a, position) => sql`(${a.id}, ${position}::int, ${a.name})`);
  const departments = Array.from({ length: DEPARTMENTS }, (_, d) => ({ id: randomUUID(), organisationId, name: `Department ${d + 1}`, parentId: null }));
  const tribes = departments.flatMap((dep, d) =>
    Array.from({ length: TRIBES_PER_DEPARTMENT }, (_, t) => ({ id: randomUUID(), organisationId, name: `Tribe ${d + 1}.${t + 1}`, parentId: dep.id })),
  );
  await db.transaction(async (tx) => {
    await tx.insert(groups).values([...departments, ...tribes]);
    const tribeIds = sql`array[${sql.join(tribes.map((t) => sql`${t.id}::uuid`), sql`, `)}]`;
    await tx.execute(sql`
      insert into teams (organisation_id, name, group_id)
      select ${organisationId}, 'Team ' || lpad(i::text, 5, '0'), (${tribeIds})[1 + (i % ${tribes.length})]
      from generate_series(1, ${teamCount}) as i`);
    await tx.execute(sql`
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
    await tx.execute(sql`
      with x as (${areaScores}),
      w as (select *, min(score) over (partition by assessment_id) as water, avg(score) over (partition by assessment_id) as mean from x)
      insert into assessment_scores (assessment_id, organisation_id, scoring_version, water_level, weakest, spill, mean, level_answers, unsure_answers, not_applicable_answers)
      select assessment_id, ${organisationId}, ${SCORING_VERSION}, water,
        array_agg(area_id order by position) filter (where score = water),
        round((mean - water)::numeric, 1)::float8, round(mean::numeric, 1)::float8, ${model.model.areas.length * 9}, 0, 0
      from w group by assessment_id, water, mean`);
    await tx.execute(sql`
      insert into assessment_area_scores (assessment_id, organisation_id, area_id, position, name, score, percent, sum, scored, unsure, not_applicable, unanswered)
      select assessment_id, ${organisationId}, area_id, position, name, score, round((score - 1) / 4 * 100)::int, round(score * 9)::int, 9, 0, 0, 0
      from (${areaScores}) x`);
  });
  // A live database keeps its statistics up to date (autovacuum); freshly bulk-loaded tables have none yet.
  await db.execute(sql`analyze teams, groups, assessments, assessment_scores, assessment_area_scores`);
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
    modelId: PREFERRED_MODEL,
    teams: teamCount,
    groups: departments.length + tribes.length,
    assessments: counts!.assessments,
    groupId: departments[0]!.id,
    groupTeams: counts!.groupTeams,
    teamIds: [],
  };
}

/** EXPLAIN ANALYZE of the dashboard's two heaviest statements, for the organisation and for the group. */
async function explain(data: DashboardBenchData) {
  const { db } = await getDbHandle();
  const ctx = { organisationId: data.organisationId, actor: systemActor("bench"), db };
  const now = quarterOf(new Date());
  const plans: Record<string, string[]> = {};
  for (const [name, groupId] of [["organisation", null], ["group", data.groupId]] as const) {
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

async function verify(input: VerifyInput) {
  const { db } = await getDbHandle();
  const assessmentIds = Object.keys(input.expected);
  const rows =
    assessmentIds.length === 0
      ? []
      : await db
          .select()
          .from(answers)
          .where(and(eq(answers.organisationId, input.organisationId), inArray(answers.assessmentId, assessmentIds)));
  const stored = new Map(rows.map((r) => [`${r.assessmentId}/${r.questionId}`, r]));
  let checked = 0;
  let mismatches = 0;
  const examples: string[] = [];
  for (const [assessmentId, byQuestion] of Object.entries(input.expected)) {
    for (const [questionId, want] of Object.entries(byQuestion)) {
      checked++;
      const got = stored.get(`${assessmentId}/${questionId}`);
      if (got && got.kind === want.kind && got.level === want.level && got.reason === want.reason && got.note === want.note) {
        continue;
      }
      mismatches++;
      if (examples.length < 5) {
        const found = got ? JSON.stringify({ kind: got.kind, level: got.level, reason: got.reason, note: got.note }) : "nothing";
        examples.push(`${assessmentId}/${questionId}: expected ${JSON.stringify(want)}, found ${found}`);
      }
    }
  }
  return { checked, rows: rows.length, mismatches, examples };
}

async function cleanup(data: BenchData) {
  const { db } = await getDbHandle();
  // Teams (the history team too), assessments, answers and memberships go with the organisation and
  // the user (on delete cascade).
  await db.delete(organisations).where(eq(organisations.id, data.organisationId));
  await db.delete(users).where(eq(users.id, data.userId));
  return { removedTeams: data.teamIds.length + 1, removedOrganisation: true };
}

async function main() {
  const [command, arg] = process.argv.slice(2);
  let result: unknown;
  try {
    if (command === "setup") {
      const respondents = Number.parseInt(arg ?? "", 10);
      if (!Number.isInteger(respondents) || respondents < 1) throw new Error("setup needs a respondent count");
      result = await setup(respondents);
    } else if (command === "dashboard") {
      const teams = Number.parseInt(arg ?? "", 10);
      if (!Number.isInteger(teams) || teams < 1) throw new Error("dashboard needs a team count");
      result = await dashboardSetup(teams);
    } else if (command === "explain") {
      if (!arg) throw new Error("explain needs a JSON file");
      await startUp();
      result = await explain(JSON.parse(readFileSync(arg, "utf8")));
    } else if (command === "verify" || command === "cleanup") {
      if (!arg) throw new Error(`${command} needs a JSON file`);
      const input = JSON.parse(readFileSync(arg, "utf8"));
      await startUp();
      result = command === "verify" ? await verify(input) : await cleanup(input);
    } else {
      throw new Error("usage: setup-data.ts setup <respondents> | verify <file> | cleanup <file> | dashboard <teams> | explain <file>");
    }
    console.log(`BENCH_DATA ${JSON.stringify(result)}`);
  } catch (error) {
    console.error(`bench data ${command ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await (await getDbHandle().catch(() => undefined))?.close();
  }
}

void main();
