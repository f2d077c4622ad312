// Many instances (PostgreSQL only): the autosave load, the dashboard's readers and the trivial route,
// first through one instance and then through three, each time behind nginx (round robin) with
// PgBouncer in transaction mode in front of PostgreSQL, as the README's "Scaling out" sets them up.
// On a machine with fewer cores than instances, the instances share the same CPUs: the ratio shows
// what the proxy and the pooler cost and what the spare cores buy, not what three machines would.
// Needs nginx and PgBouncer (apt-get install -y nginx-light pgbouncer; installed here when root).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import { startNginx, startPgBouncer } from "../proxy.mjs";
import { runGetLoad, runLoad } from "./load.mjs";
import { freePort, onCleanup, request, setSessionCookie, startServer } from "./server.mjs";
import { CEILING_PATH } from "./settings.mjs";

const ms = (v) => `${v.toFixed(0)} ms`;

/** nginx and PgBouncer from Debian; installed when missing and the bench runs as root. Returns why not, or undefined. */
function missingProxies() {
  const missing = ["nginx", "pgbouncer"].filter((name) => !existsSync(`/usr/sbin/${name}`));
  if (missing.length === 0) return undefined;
  if (process.getuid?.() !== 0) return `${missing.join(" and ")} not installed (apt-get install -y nginx-light pgbouncer)`;
  console.log("[instances] apt-get install -y nginx-light pgbouncer…");
  const install = spawnSync("apt-get", ["install", "-y", "-qq", "nginx-light", "pgbouncer"], {
    encoding: "utf8",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    timeout: 600_000,
  });
  return install.status === 0 ? undefined : `apt-get install nginx-light pgbouncer failed: ${(install.stderr || "").trim().slice(-300)}`;
}

/**
 * Measures `counts` instances in turn on the bench's PostgreSQL (`env`, whose DATABASE_URL is the
 * direct one), with the bench's data: `data` (the respondents' drafts; `expected` is kept up to date
 * so the saved-answers check afterwards covers these saves too) and `dash` (a generated organisation).
 */
export async function measureInstances({ env, data, dash, expected, settings, counts = [1, 3], log }) {
  const skipped = missingProxies();
  if (skipped) {
    log(`many instances: skipped, ${skipped}`);
    return { skipped };
  }
  const pooler = await startPgBouncer({ port: await freePort(6442), databaseUrl: env.DATABASE_URL, poolSize: 40 });
  const removePooler = onCleanup(() => void pooler.remove());
  const instanceEnv = {
    ...env,
    DATABASE_URL: pooler.url,
    DATABASE_DIRECT_URL: env.DATABASE_URL,
    DATABASE_POOL_SIZE: String(settings.instancePoolSize),
    STAVE_TRUST_PROXY: "1",
  };
  const dashboardPath = `/dashboard?group=${dash.groupId}`;
  const runs = [];
  try {
    for (const count of counts) {
      const servers = [];
      let nginx;
      try {
        for (let i = 0; i < count; i++) {
          servers.push(await startServer({ port: await freePort(3221 + i), env: instanceEnv, label: `instance ${i + 1} of ${count}` }));
        }
        const port = await freePort(3220);
        nginx = await startNginx({ port, upstreams: servers.map((s) => Number(new URL(s.url).port)) });
        const baseUrl = `http://127.0.0.1:${port}`;
        const cpuMs = () => servers.reduce((sum, s) => sum + s.cpuMs(), 0);
        const window = { warmupMs: settings.warmupMs, durationMs: settings.durationMs, maxRequests: settings.maxRequests, cpuMs };
        log(`${count} instance(s) behind nginx and PgBouncer: trivial route, autosave back to back, dashboard readers…`);
        const ceiling = await runGetLoad({ baseUrl, path: CEILING_PATH, concurrency: settings.concurrency, ...window });
        const autosave = await runLoad({ baseUrl, data, expected, concurrency: settings.concurrency, ...window });
        setSessionCookie(dash.cookie);
        let dashboard;
        try {
          // Every instance computes the figures once (its own cache), then serves readers from it.
          for (let i = 0; i < count; i++) await request(`${baseUrl}${dashboardPath}`);
          dashboard = await runGetLoad({
            baseUrl,
            path: dashboardPath,
            concurrency: settings.pageConcurrency,
            ...window,
            warmupMs: settings.pageWarmupMs,
            durationMs: settings.pageDurationMs,
          });
        } finally {
          setSessionCookie(data.cookie);
        }
        runs.push({ count, ceiling, autosave, dashboard });
      } finally {
        await nginx?.remove();
        for (const server of servers) await server.stop();
      }
    }
  } finally {
    await pooler.remove();
    removePooler();
  }
  return { runs, dashboardTeams: dash.groupTeams, cpus: os.cpus().length, poolSize: settings.instancePoolSize };
}

/** The results block's lines: each load with one instance and with three, and the ratio. */
export function instancesLines(pad, instances, direct, settings) {
  if (!instances) return;
  if (instances.skipped) {
    console.log(`${pad} many instances: skipped (${instances.skipped})`);
    return;
  }
  const [one, many] = instances.runs;
  console.log(
    `${pad} many instances behind nginx (round robin) and PgBouncer (transaction mode), pool ${instances.poolSize} per instance, ${instances.cpus} CPUs shared by all:`,
  );
  const line = (label, key, directLoad) => {
    const figures = (run) =>
      `${run[key].throughput.toFixed(0)} req/s, p50 ${ms(run[key].p50)}, p99 ${ms(run[key].p99)}, errors ${run[key].errors}` +
      (run[key].cpuMsPerRequest === undefined ? "" : `, server CPU ${run[key].cpuMsPerRequest.toFixed(1)} ms/req`);
    const ratio = many[key].throughput / one[key].throughput;
    const viaProxy = directLoad ? ` (without the proxy and pooler: ${directLoad.throughput.toFixed(0)} req/s)` : "";
    console.log(`${pad}   ${label}: 1 instance ${figures(one)}${viaProxy}`);
    console.log(`${pad}   ${" ".repeat(label.length)}  ${many.count} instances ${figures(many)} — ${ratio.toFixed(2)}× one instance`);
    for (const run of [one, many]) for (const [kind, count] of run[key].errorKinds.slice(0, 3)) console.log(`${pad}     ${count}× ${kind} (${run.count})`);
  };
  line(`trivial route ${CEILING_PATH}, ${settings.concurrency} connections`, "ceiling", direct.ceiling);
  line(`autosave, ${settings.concurrency} respondents back to back`, "autosave", direct.load);
  line(`dashboard of one department (${instances.dashboardTeams} teams), ${settings.pageConcurrency} readers`, "dashboard", direct.dashboard);
}
