// A PostgreSQL cluster that lives only as long as the bench, for when no database is configured:
// initdb into a temp folder, start it on a free port (TCP on 127.0.0.1, socket in /tmp), create a
// stave role and database, and stop + delete it all at the end (also on Ctrl-C), like .ci/run.
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, onCleanup, removeDir } from "./server.mjs";

const PG_ROOT = "/usr/lib/postgresql";
// 55432 is .ci/run's port and may be taken by a CI run on this machine; start the search above it.
const PREFERRED_PORT = 55442;

/** The bin folder of the newest installed PostgreSQL, or undefined. */
function pgBin() {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(path.join(PG_ROOT, v, "bin", "initdb")))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(PG_ROOT, versions.at(-1), "bin") : undefined;
}

function run(command, args, { input, quiet = false } = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", input, timeout: 300_000 });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
    throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.error?.message}):\n${output.slice(-2000)}`);
  }
  return quiet ? "" : result.stdout;
}

function installPostgres() {
  if (process.getuid?.() !== 0) throw new Error("PostgreSQL is not installed and the bench is not root: apt-get install -y postgresql");
  console.log("PostgreSQL is not installed: apt-get install -y postgresql (about a minute)…");
  run("apt-get", ["update", "-qq"], { quiet: true });
  const install = spawnSync("apt-get", ["install", "-y", "-qq", "postgresql"], {
    encoding: "utf8",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    timeout: 600_000,
  });
  if (install.status !== 0) throw new Error(`apt-get install postgresql failed:\n${(install.stderr || "").slice(-2000)}`);
}

/**
 * Starts the cluster; resolves with { url, port, version }. The clean-up that stops and deletes it
 * is registered before initdb runs, so a failure half-way leaves nothing behind either.
 */
export async function startThrowawayPostgres() {
  let bin = pgBin();
  if (!bin) {
    installPostgres();
    bin = pgBin();
    if (!bin) throw new Error(`apt-get installed postgresql, but there is no ${PG_ROOT}/*/bin/initdb`);
  }
  // PostgreSQL refuses to run as root: as root (CI, this machine), run it as the postgres user.
  const asRoot = process.getuid?.() === 0;
  const pgCommand = (tool, args) => {
    const argv = [path.join(bin, tool), ...args];
    if (!asRoot) return run(argv[0], argv.slice(1));
    return run("su", ["postgres", "-s", "/bin/sh", "-c", argv.map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(" ")]);
  };

  const dir = mkdtempSync(path.join(os.tmpdir(), "stave-bench-pg-"));
  if (asRoot) chownSync(dir, Number(run("id", ["-u", "postgres"]).trim()), Number(run("id", ["-g", "postgres"]).trim()));
  const port = await freePort(PREFERRED_PORT);
  let started = false;
  const stop = onCleanup(() => {
    if (started) {
      try {
        // immediate: nothing in it is worth a checkpoint.
        pgCommand("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]);
      } catch (error) {
        console.warn(`could not stop the throwaway PostgreSQL: ${error.message.split("\n")[0]}`);
      }
    }
    removeDir(dir);
  });
  pgCommand("initdb", ["-D", dir, "-U", "postgres", "-A", "trust", "--no-sync"]);
  started = true;
  pgCommand("pg_ctl", ["-D", dir, "-o", `-p ${port} -k /tmp -c listen_addresses=127.0.0.1`, "-l", path.join(dir, "server.log"), "-w", "start"]);
  const psql = (sql) => pgCommand("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql]);
  psql("create role stave login password 'stave'");
  psql("create database stave owner stave");
  const version = psql("show server_version").trim();
  return { url: `postgresql://stave:stave@127.0.0.1:${port}/stave`, port, version, dir, stop };
}
