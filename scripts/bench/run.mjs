// npm run bench — autosave latency under load, measured against a trivial route of the same build
// (the ceiling), database statements per save, the server CPU of the pages people look at most, a
// cold browser view of /teams, Lighthouse mobile scores, the questionnaire's JavaScript weight, and
// what answering costs a person (words shown, the estimate, clicks of an unchanged re-assessment),
// against a production build (scripts/serve.mjs), on the embedded database (PGlite) and on PostgreSQL.
//
// Settings (environment):
//   BENCH_DATABASE_URL or DATABASE_URL  PostgreSQL to use (it is shared: the bench removes what it
//                          adds); when neither is set, a throwaway cluster is started on a free port
//                          and deleted at the end (PostgreSQL is installed with apt-get if missing)
//   BENCH_DRIVERS=pglite,postgres
//   BENCH_CONCURRENCY=50   respondents saving at once; the trivial route gets as many connections
//   BENCH_DURATION=10 (s), BENCH_WARMUP=2 (s)   measured window and warm-up of the autosave and
//                          trivial-route loads
//   BENCH_MAX_REQUESTS=200000
//   BENCH_THINK_MS=0       mean pause between one respondent's saves; 0 = back to back, the worst case
//   BENCH_PACED_THINK_MS=1000   the pause of the paced autosave load
//   BENCH_PAGE_CONCURRENCY=10, BENCH_PAGE_DURATION=5 (s), BENCH_PAGE_WARMUP=1 (s)   page loads
//                          (team, results, trend) for their server CPU per request
//   BENCH_BROWSER_VIEWS=20 cold browser views of /teams (mean; 0 skips them), BENCH_DOCUMENT_SAMPLES=20
//   BENCH_LIGHTHOUSE=1     Lighthouse on the first driver (0 skips it), BENCH_LIGHTHOUSE_RUNS=3,
//                          BENCH_LIGHTHOUSE_DIR=.next-bench/lighthouse (the JSON reports are kept there)
//   BENCH_INGEST_EVENTS=100000 (0 skips), BENCH_INGEST_CLIENTS=20, BENCH_INGEST_BATCH=100   delivery
//                          events sent to the generated 500-team organisation, then its metrics read
// Dashboards are measured on generated organisations: 500 teams in 40 groups × 12 quarterly
// assessments on both drivers, and 5,000 teams on PostgreSQL.
// Many instances (PostgreSQL): the trivial route, the autosave load and a dashboard's readers through
// nginx and PgBouncer with one instance and with BENCH_INSTANCES (3; 0 skips), BENCH_POOL_SIZE (10)
// connections each; nginx-light and pgbouncer are installed with apt-get if missing (instances.mjs).
//   BENCH_REBUILD=1        build even when .next-bench is up to date
//   BENCH_SERVER_NODE_ARGS  extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
//   CHROMIUM_PATH / CHROME_PATH=/usr/bin/chromium
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureAnsweringCost } from "./answering-cost.mjs";
import { measureColdView } from "./browser-view.mjs";
import { runLighthouse } from "./lighthouse.mjs";
import { coldBurst, runGetLoad, runLoad, saveAnswer } from "./load.mjs";
import { measurePageWeight } from "./page-weight.mjs";
import { measureParticipantPage, measureWorkshop } from "./workshop.mjs";
import { measureDashboard } from "./dashboard.mjs";
import { measureApi } from "./api.mjs";
import { measureIngest } from "./ingest.mjs";
import { countedLoad } from "./pg-transactions.mjs";
import { measureInstances } from "./instances.mjs";
import { buildIfStale, freePort, onCleanup, removeDir, ROOT, setSessionCookie, startServer } from "./server.mjs";
import { dashboardMissed, report, thinkNote } from "./report.mjs";
import { startThrowawayPostgres } from "./throwaway-postgres.mjs";
import { DATA_SCRIPT, runData, TSX } from "./data.mjs";
import { CEILING_PATH, readSettings } from "./settings.mjs";

let settings;

/** The pages whose server CPU is measured (and Lighthouse-scored), from the bench data. */
function benchPages(data) {
  const { teamId, assessmentIds } = data.history;
  return {
    team: `/teams/${teamId}`,
    results: `/teams/${teamId}/assessments/${assessmentIds.at(-1)}/results`,
    trend: `/teams/${teamId}/trend`,
    questionnaire: `/teams/${data.teamIds[0]}/assessments/${data.assessmentIds[0]}`,
  };
}

async function benchDriver(driver, { lighthouse }) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), `stave-bench-${driver}-`));
  const removeTmp = onCleanup(() => removeDir(tmp));
  // The API figures read back to back far faster than a token may in use: its limit is lifted here.
  const env = { ...process.env, STAVE_DATA_DIR: path.join(tmp, "data"), STAVE_API_RATE_LIMIT: "1000000" };
  delete env.DATABASE_URL;
  if (driver === "postgres") env.DATABASE_URL = settings.databaseUrl;

  console.log(`\n[${driver}] creating ${settings.concurrency} teams with a draft assessment each, and a team with a history…`);
  const data = await runData(["setup", String(settings.concurrency)], env);
  setSessionCookie(data.cookie);
  const dataFile = path.join(tmp, "bench-data.json");
  writeFileSync(dataFile, JSON.stringify(data));
  // A shared PostgreSQL: take what the bench made away again, also on Ctrl-C (PGlite's folder and a
  // throwaway cluster are simply deleted).
  const removeLater = (file, what) =>
    driver === "postgres" && !settings.throwaway
      ? onCleanup(() => {
          const result = spawnSync(process.execPath, [TSX, "--conditions=react-server", DATA_SCRIPT, "cleanup", file], {
            cwd: ROOT,
            env,
            encoding: "utf8",
            timeout: 120_000,
          });
          if (result.status !== 0) console.warn(`[${driver}] could not remove ${what}: ${(result.stderr || result.error?.message || "").trim()}`);
        })
      : () => {};
  const removals = [removeLater(dataFile, "the bench teams")];

  // Dashboards: generated organisations, made before the server starts (PGlite has one owner at a time).
  const dashboards = [];
  for (const teams of settings.dashboardTeams[driver] ?? []) {
    console.log(`[${driver}] generating an organisation of ${teams} teams in 40 groups, 12 quarterly assessments each…`);
    const dash = await runData(["dashboard", String(teams)], env);
    const file = path.join(tmp, `dashboard-${teams}.json`);
    writeFileSync(file, JSON.stringify(dash));
    dashboards.push({ ...dash, file });
    removals.push(removeLater(file, `the generated organisation of ${teams} teams`));
  }

  console.log(`[${driver}] a workshop with a room of ${settings.workshopParticipants} participants…`);
  const room = await runData(["workshop", String(settings.workshopParticipants)], env);
  const roomFile = path.join(tmp, "workshop.json");
  writeFileSync(roomFile, JSON.stringify(room));
  removals.push(removeLater(roomFile, "the workshop's organisation"));

  try {
    const port = await freePort(driver === "pglite" ? 3210 : 3211);
    const start = () => {
      console.log(`[${driver}] starting the server on port ${port}…`);
      return startServer({ port, env, label: driver });
    };
    let server = await start();
    const first = { teamId: data.teamIds[0], assessmentId: data.assessmentIds[0], questionId: data.questionIds[0] };
    const probeAnswer = { kind: "level", level: data.levels[0] };
    const paths = benchPages(data);
    const r = { driver };
    const logs = [];
    const expected = {};
    try {
      // After a restart, every respondent with the page open autosaves before anything else has run.
      r.cold = await coldBurst(server.url, data, probeAnswer, expected, settings.concurrency);
      if (r.cold.ok < r.cold.sent) {
        console.log(`[${driver}] only ${r.cold.ok}/${r.cold.sent} of the first autosaves after start succeeded; restarting the server…`);
        await server.stop();
        logs.push(...server.log);
        server = await start();
      }
      console.log(`[${driver}] measuring the questionnaire page's JavaScript…`);
      r.weight = await measurePageWeight(server.url, paths.questionnaire);
      const probe = await saveAnswer(server.url, { ...first, answer: probeAnswer, note: null });
      if (!probe.ok) {
        throw new Error(`[${driver}] a single autosave failed (${probe.error}). Response:\n${(probe.text ?? "").slice(0, 500)}`);
      }
      expected[first.assessmentId][first.questionId] = { kind: "level", level: probeAnswer.level, reason: null, note: null };
      const lastDatabaseWork = performance.now();

      const loadSettings = { ...settings, cpuMs: server.cpuMs };
      console.log(
        `[${driver}] trivial route: GET ${CEILING_PATH}, ${settings.concurrency} connections, ${settings.warmupMs / 1000} s warm-up + ${settings.durationMs / 1000} s…`,
      );
      r.ceiling = await runGetLoad({ baseUrl: server.url, path: CEILING_PATH, ...loadSettings });
      console.log(
        `[${driver}] autosave load: ${settings.concurrency} respondents${thinkNote(settings)}, ${settings.warmupMs / 1000} s warm-up + ${settings.durationMs / 1000} s…`,
      );
      const counted = await countedLoad(driver === "postgres" && settings.databaseUrl, lastDatabaseWork, () =>
        runLoad({ baseUrl: server.url, data, expected, ...loadSettings }),
      );
      r.load = counted.load;
      r.statements = counted.statements;
      console.log(`[${driver}] paced autosave load: ${settings.concurrency} respondents (~${settings.pacedThinkMs} ms between saves)…`);
      r.paced = await runLoad({ baseUrl: server.url, data, ...loadSettings, expected: r.load.expected, thinkMs: settings.pacedThinkMs });

      r.pages = [];
      for (const [name, pagePath] of [
        ["team page", paths.team],
        ["results page", paths.results],
        ["trend page", paths.trend],
      ]) {
        console.log(
          `[${driver}] ${name}: ${settings.pageConcurrency} connections, ${settings.pageWarmupMs / 1000} s warm-up + ${settings.pageDurationMs / 1000} s…`,
        );
        const load = await runGetLoad({
          baseUrl: server.url,
          path: pagePath,
          ...loadSettings,
          concurrency: settings.pageConcurrency,
          warmupMs: settings.pageWarmupMs,
          durationMs: settings.pageDurationMs,
        });
        r.pages.push({ name, path: pagePath, load });
      }

      r.workshop = await measureWorkshop({ server, data: room, log: (line) => console.log(`[${driver}] ${line}`) });
      r.participantPage = await measureParticipantPage(server.url, room.participants[0].token);

      r.dashboards = [];
      for (const dash of dashboards) {
        r.dashboards.push(await measureDashboard({ server, dash, settings, restoreCookie: data.cookie, log: (line) => console.log(`[${driver}] ${line}`) }));
      }
      const apiDash = dashboards.find((d) => d.teams === 500);
      if (apiDash) r.api = await measureApi({ server, dash: apiDash, settings, restoreCookie: data.cookie, log: (line) => console.log(`[${driver}] ${line}`) });
      if (apiDash && settings.ingestEvents > 0)
        r.delivery = await measureIngest({ server, dash: apiDash, settings, restoreCookie: data.cookie, log: (line) => console.log(`[${driver}] ${line}`) });

      if (settings.browserViews > 0) {
        console.log(`[${driver}] cold browser views of /teams (${settings.browserViews}, Chromium)…`);
        r.view = await measureColdView({ server, pagePath: "/teams", cookie: data.cookie, views: settings.browserViews, samples: settings.documentSamples });
      }

      if (lighthouse) {
        const pages = [
          { name: "sign-in", path: "/sign-in", signedIn: false },
          { name: "teams", path: "/teams", signedIn: true },
          { name: "team", path: paths.team, signedIn: true },
          { name: "results", path: paths.results, signedIn: true },
          { name: "trend", path: paths.trend, signedIn: true },
          { name: "dashboard", path: "/dashboard", signedIn: true },
          { name: "questionnaire", path: paths.questionnaire, signedIn: true },
          { name: "workshop participant", path: "/w", signedIn: false, cookie: `stave_participant=${room.participants[1].token}` },
        ];
        console.log(
          `[${driver}] Lighthouse mobile, ${settings.lighthouseRuns} runs of ${pages.length} pages (reports in ${path.relative(ROOT, settings.lighthouseDir)})…`,
        );
        r.lighthouse = await runLighthouse({
          baseUrl: server.url,
          pages,
          cookie: data.cookie,
          runs: settings.lighthouseRuns,
          outDir: settings.lighthouseDir,
          log: (line) => console.log(`[${driver}] ${line}`),
        });
      }
      // Last: it starts and submits an assessment of the history team, whose pages are measured above.
      console.log(`[${driver}] answering cost in Chromium: a first assessment's words, an unchanged re-assessment's clicks…`);
      const firstDraft = `/teams/${data.first.teamId}/assessments/${data.first.assessmentId}`;
      r.answering = await measureAnsweringCost({ server, cookie: data.cookie, draftPath: firstDraft, teamPath: paths.team });
    } finally {
      await server.stop();
      logs.push(...server.log);
    }
    r.serverErrors = logs.filter((l) => /Server action failed|Route handler failed|Error:|unhandled/i.test(l));

    const instanceDash = dashboards.find((d) => d.teams === 500);
    if (driver === "postgres" && settings.instances > 1 && instanceDash) {
      const log = (line) => console.log(`[${driver}] ${line}`);
      try {
        r.instances = await measureInstances({ env, data, dash: instanceDash, expected: r.paced.expected, settings, counts: [1, settings.instances], log });
      } catch (error) {
        r.instances = { skipped: `failed: ${error.message.split("\n")[0]}` };
      }
    }

    writeFileSync(dataFile, JSON.stringify({ ...data, expected: r.paced.expected }));
    r.verified = await runData(["verify", dataFile], env);
    r.workshop.stored = await runData(["workshop-votes", roomFile], env);
    // Where a dashboard misses its target, the plans of its heaviest statements say why.
    for (const [i, result] of r.dashboards.entries()) {
      if (dashboardMissed(driver, result)) result.plans = await runData(["explain", dashboards[i].file], env);
    }
    return r;
  } finally {
    for (const remove of removals) remove();
    removeTmp();
  }
}

async function main() {
  const startedAt = performance.now();
  settings = readSettings();
  const unknown = settings.drivers.filter((d) => d !== "pglite" && d !== "postgres");
  if (unknown.length) throw new Error(`BENCH_DRIVERS: unknown driver(s) ${unknown.join(", ")} (use pglite, postgres).`);
  console.log(`Stave bench on ${os.cpus().length} CPU(s), Node ${process.version}; load generator and server share this machine.`);
  // The cold views and Lighthouse drive Chromium: install it first, as `npm test` does, rather than fail half-way.
  if ((settings.browserViews > 0 || settings.lighthouse) && spawnSync("bash", ["scripts/ensure-chromium.sh"], { cwd: ROOT, stdio: "inherit" }).status !== 0) {
    throw new Error("Chromium is needed for the cold browser views and Lighthouse (or set BENCH_BROWSER_VIEWS=0 BENCH_LIGHTHOUSE=0).");
  }
  buildIfStale({ force: settings.rebuild });

  const results = [];
  const failed = [];
  let stopPostgres = () => {};
  for (const [index, driver] of settings.drivers.entries()) {
    try {
      if (driver === "postgres" && !settings.databaseUrl) {
        console.log("\n[postgres] no BENCH_DATABASE_URL or DATABASE_URL: starting a throwaway PostgreSQL…");
        const pg = await startThrowawayPostgres();
        stopPostgres = pg.stop;
        settings.databaseUrl = pg.url;
        settings.throwaway = pg;
        console.log(`[postgres] throwaway PostgreSQL ${pg.version} on 127.0.0.1:${pg.port} (data in ${pg.dir}, deleted at the end)`);
      }
      results.push(await benchDriver(driver, { lighthouse: settings.lighthouse && index === 0 }));
    } catch (error) {
      failed.push(driver);
      console.error(`\n${driver}: bench failed: ${error.message}`);
    }
  }
  stopPostgres();

  console.log("\n=== Stave bench results ===");
  for (const r of results) report(r, settings);
  for (const d of failed) console.log(`${d}: FAILED (see the message above)`);
  console.log(`bench took ${((performance.now() - startedAt) / 60_000).toFixed(1)} min`);
  if (failed.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`\nbench failed: ${error.message}`);
  process.exitCode = 1;
});
