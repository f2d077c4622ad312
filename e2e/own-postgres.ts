import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const PG_ROOT = "/usr/lib/postgresql";

/** A port nothing listens on just now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A PostgreSQL cluster of a test's own, which it may stop and start again (a database outage):
 * initdb into a temp folder, on E2E_PG_PORT or a free port. As root it runs as the postgres user,
 * since PostgreSQL refuses to run as root.
 */
export async function ownPostgres() {
  const version = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .filter((v) => existsSync(path.join(PG_ROOT, v, "bin", "initdb")))
        .sort((a, b) => Number(a) - Number(b))
        .at(-1)
    : undefined;
  if (!version) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql");
  const bin = path.join(PG_ROOT, version, "bin");
  const asRoot = process.getuid?.() === 0;
  const pg = (tool: string, args: string[]) => {
    const argv = [path.join(bin, tool), ...args];
    if (!asRoot) return execFileSync(argv[0]!, argv.slice(1), { encoding: "utf8" });
    return execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", argv.map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(" ")], { encoding: "utf8" });
  };
  const dir = mkdtempSync(path.join(tmpdir(), "stave-e2e-pg-"));
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, id("-u"), id("-g"));
  }
  const port = Number(process.env.E2E_PG_PORT) || (await freePort());
  pg("initdb", ["-D", dir, "-U", "postgres", "-A", "trust", "--no-sync"]);
  const start = () => pg("pg_ctl", ["-D", dir, "-o", `-p ${port} -k /tmp -c listen_addresses=127.0.0.1`, "-l", path.join(dir, "server.log"), "-w", "start"]);
  const stop = () => pg("pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"]);
  start();
  const psql = (sql: string) => pg("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql]);
  psql("create role stave login password 'stave'");
  psql("create database stave owner stave");
  return {
    url: `postgresql://stave:stave@127.0.0.1:${port}/stave`,
    start,
    stop,
    remove() {
      try {
        pg("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
