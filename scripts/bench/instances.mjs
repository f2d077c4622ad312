// node scripts/bench/instances.mjs — throughput of one instance against three, each time behind
// nginx (round robin) with PgBouncer in transaction mode in front of PostgreSQL, as the README's
// "Scaling out" sets them up, on the bench build. Prints requests a second, latencies and errors
// per page. On a machine with fewer cores than instances, three instances share the same CPUs: the
// figure says what a second core buys, not what three machines would.
//
// Settings (environment):
//   BENCH_DATABASE_URL or DATABASE_URL  PostgreSQL to use; unset, a throwaway cluster
//   BENCH_PATHS=/join,/api/ready   pages loaded (public: the join form, and readiness with its one query)
//   BENCH_CONCURRENCY=50, BENCH_DURATION=10 (s), BENCH_WARMUP=2 (s), BENCH_MAX_REQUESTS=200000
//   BENCH_POOL_SIZE=10   DATABASE_POOL_SIZE of each instance
// Needs nginx and PgBouncer (apt-get install -y nginx-light pgbouncer).
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startNginx, startPgBouncer } from "../proxy.mjs";
import { runGetLoad } from "./load.mjs";
import { buildIfStale, freePort, onCleanup, removeDir, startServer } from "./server.mjs";
import { startThrowawayPostgres } from "./throwaway-postgres.mjs";

const setting = (name, fallback) => Number(process.env[name] || fallback);
const paths = (process.env.BENCH_PATHS || "/join,/api/ready").split(",").filter(Boolean);
const load = {
  concurrency: setting("BENCH_CONCURRENCY", 50),
  durationMs: setting("BENCH_DURATION", 10) * 1000,
  warmupMs: setting("BENCH_WARMUP", 2) * 1000,
  maxRequests: setting("BENCH_MAX_REQUESTS", 200_000),
};

buildIfStale();
const direct = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || (await startThrowawayPostgres()).url;
const pooler = await startPgBouncer({ port: await freePort(3332), databaseUrl: direct });
onCleanup(() => void pooler.remove());

/** Starts `count` instances behind nginx, loads each page through it, stops them all. */
async function measure(count) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "stave-bench-instances-"));
  const env = { ...process.env, DATABASE_URL: pooler.url, DATABASE_DIRECT_URL: direct, DATABASE_POOL_SIZE: String(setting("BENCH_POOL_SIZE", 10)) };
  env.STAVE_DATA_DIR = dataDir;
  env.STAVE_TRUST_PROXY = "1";
  const servers = [];
  let nginx;
  try {
    for (let i = 0; i < count; i++) {
      const port = await freePort(3341 + i);
      servers.push(await startServer({ port, env, label: `instance ${i + 1} of ${count}` }));
    }
    const port = await freePort(3330);
    nginx = await startNginx({ port, upstreams: servers.map((s) => Number(new URL(s.url).port)) });
    const figures = {};
    for (const pagePath of paths) figures[pagePath] = await runGetLoad({ baseUrl: `http://127.0.0.1:${port}`, path: pagePath, ...load });
    return figures;
  } finally {
    await nginx?.remove();
    for (const server of servers) await server.stop();
    removeDir(dataDir);
  }
}

const results = { 1: await measure(1), 3: await measure(3) };
await pooler.remove();
const ms = (v) => `${v.toFixed(0)} ms`;
console.log(`\nThroughput through nginx and PgBouncer (${load.concurrency} connections, ${load.durationMs / 1000} s, ${os.cpus().length} CPUs)`);
for (const pagePath of paths) {
  for (const count of [1, 3]) {
    const r = results[count][pagePath];
    console.log(
      `  ${pagePath.padEnd(12)} ${count} instance${count > 1 ? "s" : " "}: ${r.throughput.toFixed(0).padStart(5)} req/s · p50 ${ms(r.p50)} · p99 ${ms(r.p99)} · ${r.errors} errors${r.errors ? ` (${r.errorKinds.map(([k, n]) => `${k}: ${n}`).join(", ")})` : ""}`,
    );
  }
}
