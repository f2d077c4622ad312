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
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDbHandle, type Db } from "@/db/client";
import { dashboardSetup, explainDashboard } from "./dashboard-data";
import { countWorkshopVotes, workshopSetup } from "./workshop-data";
import { startAssessment } from "@/db/queries/assessments";
import { getLatestModelVersion, listLatestModels, type StoredModel } from "@/db/queries/model-versions";
import { createOrganisation } from "@/db/queries/organisations";
import { createTeam } from "@/db/queries/teams";
import { accounts, answers, assessments, organisations, sessions, settings, users } from "@/db/schema";
import { insertDemoTeams } from "@/db/seed/demo";
import { buildDemoStories } from "@/db/seed/demo-stories";
import { questionsOf } from "@/lib/model/lookup";
import { env } from "@/lib/env";
import { getAuth } from "@/server/auth";
import { systemActor } from "@/lib/actor";
import { startUp } from "@/server/start-up";
import { withTransaction } from "@/db/transaction";

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
  /** A blank draft nobody saves to: a first assessment as a team sees it (the words it shows). */
  first: { teamId: string; assessmentId: string };
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
  const [team] = await withTransaction({ db }, ({ db }) =>
    insertDemoTeams(db, organisationId, model, [{ ...story, name, assessments: story.assessments.slice(-HISTORY_ASSESSMENTS) }]),
  );
  const rows = await db.select({ id: assessments.id }).from(assessments).where(eq(assessments.teamId, team!.id)).orderBy(asc(assessments.submittedAt));
  return { teamId: team!.id, assessmentIds: rows.map((r) => r.id) };
}

async function setup(respondents: number): Promise<BenchData> {
  const { driver, db } = await startUp();
  const run = `${new Date().toISOString().slice(0, 19)} ${randomBytes(3).toString("hex")}`;
  const { userId, organisationId, cookie } = await benchUser(run);
  const organisation = { id: organisationId };

  const ctx = { organisationId: organisation.id, actor: systemActor("bench"), db };
  const modelId = (await getLatestModelVersion(ctx, PREFERRED_MODEL)) ? PREFERRED_MODEL : (await listLatestModels(ctx))[0]?.modelId;
  const model = modelId ? await getLatestModelVersion(ctx, modelId) : undefined;
  if (!modelId || !model) throw new Error("No maturity model is loaded (content/models is empty?).");

  const teamIds: string[] = [];
  const assessmentIds: string[] = [];
  for (let i = 0; i < respondents; i++) {
    const team = await createTeam(ctx, `Bench ${run} #${String(i + 1).padStart(2, "0")}`);
    teamIds.push(team.id);
    assessmentIds.push(await startAssessment(ctx, team.id, modelId));
  }
  const history = await historyTeam(db, organisation.id, model, `Bench ${run} history`);
  const firstTeam = await createTeam(ctx, `Bench ${run} first`);
  const first = { teamId: firstTeam.id, assessmentId: await startAssessment(ctx, firstTeam.id, modelId) };
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
    first,
  };
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
  return { removedTeams: data.teamIds.length + 2, removedOrganisation: true };
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
      result = await dashboardSetup(teams, (run) => benchUser(`dashboard ${teams} ${run}`));
    } else if (command === "workshop") {
      const participants = Number.parseInt(arg ?? "", 10);
      if (!Number.isInteger(participants) || participants < 1) throw new Error("workshop needs a participant count");
      result = await workshopSetup(participants, benchUser);
    } else if (command === "workshop-votes") {
      if (!arg) throw new Error("workshop-votes needs a JSON file");
      result = await countWorkshopVotes(JSON.parse(readFileSync(arg, "utf8")));
    } else if (command === "explain") {
      if (!arg) throw new Error("explain needs a JSON file");
      await startUp();
      result = await explainDashboard(JSON.parse(readFileSync(arg, "utf8")));
    } else if (command === "verify" || command === "cleanup") {
      if (!arg) throw new Error(`${command} needs a JSON file`);
      const input = JSON.parse(readFileSync(arg, "utf8"));
      await startUp();
      result = command === "verify" ? await verify(input) : await cleanup(input);
    } else {
      throw new Error(
        "usage: setup-data.ts setup <respondents> | verify <file> | cleanup <file> | dashboard <teams> | explain <file> | workshop <participants> | workshop-votes <file>",
      );
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
