// npm run bench — autosave latency under load and the questionnaire's JavaScript weight, against a
// production build (`next start`), on the embedded database (PGlite) and on PostgreSQL.
//
// Settings (environment): BENCH_DATABASE_URL or DATABASE_URL (PostgreSQL; skipped when neither is
// set), BENCH_DRIVERS=pglite,postgres, BENCH_CONCURRENCY=50, BENCH_DURATION=10 (s), BENCH_WARMUP=2 (s),
// BENCH_MAX_REQUESTS=200000, BENCH_THINK_MS=0 (mean pause between one respondent's saves; 0 = back
// to back, the worst case), BENCH_REBUILD=1 (build even when .next-bench is up to date).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runLoad, saveAnswer } from "./load.mjs";
import { measurePageWeight } from "./page-weight.mjs";
import { buildIfStale, DIST_DIR, freePort, onCleanup, removeDir, ROOT, setSessionCookie, startServer } from "./server.mjs";

const TARGET_P99_MS = 100;
const TARGET_JS_KB = 150;
const COLD_TIMEOUT_MS = 15_000;
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const DATA_SCRIPT = path.join(ROOT, "scripts", "bench", "setup-data.ts");

function numberSetting(name, fallback, { zero = false } = {}) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zero)) {
    throw new Error(`${name} must be a ${zero ? "non-negative" : "positive"} number, not “${raw}”.`);
  }
  return value;
}

let settings;
const readSettings = () => ({
  concurrency: Math.round(numberSetting("BENCH_CONCURRENCY", 50)),
  durationMs: numberSetting("BENCH_DURATION", 10) * 1000,
  warmupMs: numberSetting("BENCH_WARMUP", 2, { zero: true }) * 1000,
  thinkMs: numberSetting("BENCH_THINK_MS", 0, { zero: true }),
  // A person reads each question before answering; even 1 s between saves is far quicker than that.
  pacedThinkMs: numberSetting("BENCH_PACED_THINK_MS", 1000, { zero: true }),
  maxRequests: Math.round(numberSetting("BENCH_MAX_REQUESTS", 200_000)),
  drivers: (process.env.BENCH_DRIVERS ?? "pglite,postgres").split(",").map((d) => d.trim()).filter(Boolean),
  databaseUrl: process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "",
  rebuild: process.env.BENCH_REBUILD === "1",
});

/** Runs setup-data.ts (`setup`, `verify` or `cleanup`) and returns its BENCH_DATA result. */
function runData(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, "--conditions=react-server", DATA_SCRIPT, ...args], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("BENCH_DATA "));
      if (code === 0 && line) resolve(JSON.parse(line.slice("BENCH_DATA ".length)));
      else reject(new Error(`setup-data.ts ${args[0]} failed (exit ${code}):\n${out.trim().split("\n").slice(-20).join("\n")}`));
    });
  });
}

function saveAnswerActionId() {
  const file = path.join(ROOT, DIST_DIR, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8"));
  const entries = Object.entries(manifest.node ?? {});
  const match = entries.find(
    ([, e]) => e.exportedName === "saveAnswerAction" && /assessments\/\[assessmentId\]\/actions\.[jt]sx?$/.test(e.filename ?? ""),
  );
  if (!match) throw new Error(`saveAnswerAction is not in ${path.relative(ROOT, file)}; was it renamed or moved?`);
  return match[0];
}

/** Every respondent saves once, all at the same moment, on a server that has served nothing yet. */
async function coldBurst(baseUrl, actionId, data, answer, expected) {
  const n = Math.min(settings.concurrency, data.assessmentIds.length);
  const questionId = data.questionIds[0];
  const t0 = performance.now();
  const results = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const assessmentId = data.assessmentIds[i];
      const result = await saveAnswer(baseUrl, actionId, { teamId: data.teamIds[i], assessmentId, questionId, answer, note: null }, COLD_TIMEOUT_MS);
      expected[assessmentId] = result.ok ? { [questionId]: { kind: answer.kind, level: answer.level, reason: null, note: null } } : {};
      return { ...result, ms: performance.now() - t0 };
    }),
  );
  const failures = new Map();
  for (const r of results) if (!r.ok) failures.set(r.error, (failures.get(r.error) ?? 0) + 1);
  return { sent: n, ok: results.filter((r) => r.ok).length, slowest: Math.max(...results.map((r) => r.ms)), failures: [...failures] };
}

const thinkNote = () => (settings.thinkMs > 0 ? ` (~${settings.thinkMs} ms between saves)` : "");
const ms = (v) => `${v.toFixed(1)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function benchDriver(driver, actionId) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), `stave-bench-${driver}-`));
  const removeTmp = onCleanup(() => removeDir(tmp));
  const env = { ...process.env, STAVE_DATA_DIR: path.join(tmp, "data") };
  delete env.DATABASE_URL;
  if (driver === "postgres") env.DATABASE_URL = settings.databaseUrl;

  console.log(`\n[${driver}] creating ${settings.concurrency} teams with a draft assessment each…`);
  const data = await runData(["setup", String(settings.concurrency)], env);
  setSessionCookie(data.cookie);
  const dataFile = path.join(tmp, "bench-data.json");
  writeFileSync(dataFile, JSON.stringify(data));
  // PostgreSQL is shared: take the bench's teams away again, also on Ctrl-C (PGlite's folder is simply deleted).
  const removeData =
    driver === "postgres"
      ? onCleanup(() => {
          const result = spawnSync(process.execPath, [TSX, "--conditions=react-server", DATA_SCRIPT, "cleanup", dataFile], {
            cwd: ROOT,
            env,
            encoding: "utf8",
            timeout: 60_000,
          });
          if (result.status !== 0) console.warn(`[${driver}] could not remove the bench teams: ${(result.stderr || result.error?.message || "").trim()}`);
        })
      : () => {};

  try {
    const port = await freePort(driver === "pglite" ? 3210 : 3211);
    const start = () => {
      console.log(`[${driver}] starting next start on port ${port}…`);
      return startServer({ port, env, label: driver });
    };
    let server = await start();
    const first = { teamId: data.teamIds[0], assessmentId: data.assessmentIds[0], questionId: data.questionIds[0] };
    const probeAnswer = { kind: "level", level: data.levels[0] };
    const pagePath = `/teams/${first.teamId}/assessments/${first.assessmentId}`;
    let cold;
    let weight;
    let load;
    let paced;
    const logs = [];
    const expected = {};
    try {
      // After a restart, every respondent with the page open autosaves before anything else has run.
      cold = await coldBurst(server.url, actionId, data, probeAnswer, expected);
      if (cold.ok < cold.sent) {
        console.log(`[${driver}] only ${cold.ok}/${cold.sent} of the first autosaves after start succeeded; restarting the server…`);
        await server.stop();
        logs.push(...server.log);
        server = await start();
      }
      console.log(`[${driver}] measuring the questionnaire page's JavaScript…`);
      weight = await measurePageWeight(server.url, pagePath);
      const probe = await saveAnswer(server.url, actionId, { ...first, answer: probeAnswer, note: null });
      if (!probe.ok) {
        throw new Error(`[${driver}] a single saveAnswerAction call failed (${probe.error}). Response:\n${(probe.text ?? "").slice(0, 500)}`);
      }
      expected[first.assessmentId][first.questionId] = { kind: "level", level: probeAnswer.level, reason: null, note: null };
      console.log(`[${driver}] autosave load: ${settings.concurrency} respondents${thinkNote()}, ${settings.warmupMs / 1000} s warm-up + ${settings.durationMs / 1000} s…`);
      load = await runLoad({ baseUrl: server.url, actionId, data, expected, ...settings });
      console.log(`[${driver}] paced autosave load: ${settings.concurrency} respondents (~${settings.pacedThinkMs} ms between saves)…`);
      paced = await runLoad({ baseUrl: server.url, actionId, data, ...settings, expected: load.expected, thinkMs: settings.pacedThinkMs });
    } finally {
      await server.stop();
      logs.push(...server.log);
    }
    const serverErrors = logs.filter((l) => /Server action failed|Error:|unhandled/i.test(l));

    writeFileSync(dataFile, JSON.stringify({ ...data, expected: paced.expected }));
    const verified = await runData(["verify", dataFile], env);
    return { driver, cold, weight, load, paced, verified, serverErrors };
  } finally {
    removeData();
    removeTmp();
  }
}

function loadLine(pad, label, load) {
  const p99ok = load.p99 < TARGET_P99_MS && load.errors === 0 ? "ok" : "MISSED";
  console.log(
    `${pad} ${label}: ${load.requests} req in ${load.seconds.toFixed(1)} s ` +
      `(${load.throughput.toFixed(0)} req/s), p50 ${ms(load.p50)}, p90 ${ms(load.p90)}, p99 ${ms(load.p99)}, ` +
      `max ${ms(load.max)}, errors ${load.errors} (target p99 < ${TARGET_P99_MS} ms: ${p99ok})`,
  );
  for (const [kind, count] of load.errorKinds.slice(0, 5)) console.log(`${pad}   ${count}× ${kind}`);
}

function report(r) {
  const pad = r.driver.padEnd(8);
  const { weight, verified } = r;
  loadLine(pad, `autosave, ${settings.concurrency} respondents saving back to back${thinkNote()}`, r.load);
  loadLine(pad, `autosave, ${settings.concurrency} respondents ~${settings.pacedThinkMs} ms apart`, r.paced);
  const { cold } = r;
  console.log(
    `${pad} first autosaves after server start (${cold.sent} at once): ${cold.ok}/${cold.sent} ok, slowest ${ms(cold.slowest)}` +
      (cold.ok < cold.sent
        ? ` — FAILED: ${cold.failures.map(([e, c]) => `${c}× ${e}`).join("; ")} (server restarted for the figures above)`
        : ""),
  );
  console.log(
    `${pad} saved answers check: ${verified.checked - verified.mismatches}/${verified.checked} last saves found in the database` +
      (verified.mismatches ? ` — ${verified.mismatches} MISSING OR DIFFERENT` : ""),
  );
  for (const e of verified.examples ?? []) console.log(`${pad}   ${e}`);
  const jsOk = weight.totalGzip <= TARGET_JS_KB * 1024 ? "ok" : "MISSED";
  console.log(
    `${pad} questionnaire JS: ${kb(weight.totalGzip)} gzip (${kb(weight.totalRaw)} raw) in ${weight.files.length} scripts ` +
      `(target ≤ ${TARGET_JS_KB} KB: ${jsOk}); HTML ${kb(weight.htmlGzip)} gzip incl. ${weight.inlineScripts} inline scripts (${kb(weight.inlineGzip)} gzip)`,
  );
  for (const f of weight.files.slice(0, 5)) console.log(`${pad}   ${kb(f.gzip).padStart(9)}  ${f.path}`);
  for (const f of weight.noModule) {
    console.log(`${pad}   not counted: ${kb(f.gzip)} gzip <script nomodule> ${f.path} (legacy-browser polyfills; modern browsers skip it)`);
  }
  if (r.serverErrors.length) {
    console.log(`${pad} server logged ${r.serverErrors.length} error line(s), e.g.: ${r.serverErrors[0].slice(0, 200)}`);
  }
}

async function main() {
  settings = readSettings();
  const unknown = settings.drivers.filter((d) => d !== "pglite" && d !== "postgres");
  if (unknown.length) throw new Error(`BENCH_DRIVERS: unknown driver(s) ${unknown.join(", ")} (use pglite, postgres).`);
  console.log(`Stave bench on ${os.cpus().length} CPU(s), Node ${process.version}; load generator and server share this machine.`);
  buildIfStale({ force: settings.rebuild });
  const actionId = saveAnswerActionId();

  const results = [];
  const skipped = [];
  const failed = [];
  for (const driver of settings.drivers) {
    if (driver === "postgres" && !settings.databaseUrl) {
      skipped.push("postgres: skipped (set BENCH_DATABASE_URL or DATABASE_URL to a PostgreSQL database to include it)");
      continue;
    }
    try {
      results.push(await benchDriver(driver, actionId));
    } catch (error) {
      failed.push(driver);
      console.error(`\n${driver}: bench failed: ${error.message}`);
    }
  }

  console.log("\n=== Stave bench results ===");
  for (const r of results) report(r);
  for (const s of skipped) console.log(s);
  for (const d of failed) console.log(`${d}: FAILED (see the message above)`);
  if (failed.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`\nbench failed: ${error.message}`);
  process.exitCode = 1;
});
