import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";
import { freePort } from "./own-postgres";

// A PgBouncer and an nginx of a test's own (Debian's packages), each a child process in the
// foreground with its configuration in a temp folder. As root they run as the postgres user, since
// PgBouncer refuses to run as root.

const PACKAGES: Record<string, string> = { nginx: "nginx-light", pgbouncer: "pgbouncer" };

/** Debian puts both in /usr/sbin, which a user's PATH may lack. */
function binary(name: string) {
  const found = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"].map((dir) => path.join(dir, name)).find((file) => existsSync(file));
  if (!found) throw new Error(`${name} is not installed: apt-get install -y ${PACKAGES[name] ?? name}`);
  return found;
}

async function listening(port: number) {
  const connects = () =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => resolve(socket.end() && true));
      socket.on("error", () => resolve(false));
    });
  await expect.poll(connects, { timeout: 10_000, intervals: [100] }).toBe(true);
}

function ownFolder(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim())) : [];
  if (asRoot) chownSync(dir, ids[0]!, ids[1]!);
  const run = (command: string, args: string[]): ChildProcess => {
    const child = spawn(binary(command), args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"], ...(asRoot && { uid: ids[0], gid: ids[1] }) });
    child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[${path.basename(command)}] ${chunk.toString()}`));
    return child;
  };
  return { dir, run };
}

async function stopped(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/**
 * PgBouncer in transaction mode in front of the PostgreSQL at `databaseUrl` (trusting whoever
 * connects, as the test's PostgreSQL does), on E2E_POOLER_PORT or a free port. `url` is
 * `databaseUrl` through it.
 */
export async function ownPooler(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const database = target.pathname.slice(1);
  const user = decodeURIComponent(target.username);
  const port = Number(process.env.E2E_POOLER_PORT) || (await freePort());
  const { dir, run } = ownFolder("stave-e2e-pgbouncer-");
  writeFileSync(path.join(dir, "userlist.txt"), `"${user}" "${decodeURIComponent(target.password)}"\n`);
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `${database} = host=${target.hostname} port=${target.port || 5432} dbname=${database}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      "default_pool_size = 20",
      "max_client_conn = 500",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      "log_connections = 0",
      "log_disconnections = 0",
      "",
    ].join("\n"),
  );
  const child = run("pgbouncer", ["--quiet", path.join(dir, "pgbouncer.ini")]);
  await listening(port);
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    async remove() {
      await stopped(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * nginx in front of `upstreams` (ports on 127.0.0.1), on E2E_PROXY_PORT or a free port, set up as
 * the README says: HTTP/1.1 kept alive to the instances, the forwarded headers, event streams
 * unbuffered. A request goes to the instance its `X-Lane` header hashes to, or on to another when
 * that one is down; each response names the instance that answered in `X-Upstream`. So a test can
 * send a browser to the instance it means and see where each request went.
 */
export async function ownProxy(upstreams: number[]) {
  const port = Number(process.env.E2E_PROXY_PORT) || (await freePort());
  const { dir, run } = ownFolder("stave-e2e-nginx-");
  for (const temp of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, temp));
  const proxied = [
    "proxy_pass http://stave;",
    "proxy_http_version 1.1;",
    'proxy_set_header Connection "";',
    "proxy_set_header Host $http_host;",
    "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
    "proxy_set_header X-Forwarded-Host $http_host;",
    "proxy_set_header X-Forwarded-Proto $scheme;",
    "proxy_connect_timeout 2s;",
    "add_header X-Upstream $upstream_addr always;",
  ].join(" ");
  writeFileSync(
    path.join(dir, "nginx.conf"),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  client_max_body_size 2m;
  upstream stave {
    hash $http_x_lane consistent;
    ${upstreams.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join("\n    ")}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / { ${proxied} }
    location ~ /events$ { ${proxied} proxy_buffering off; proxy_read_timeout 1h; }
  }
}
`,
  );
  const child = run("nginx", ["-p", dir, "-e", path.join(dir, "error.log"), "-c", path.join(dir, "nginx.conf")]);
  await listening(port);
  return {
    baseURL: `http://localhost:${port}`,
    async remove() {
      await stopped(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
