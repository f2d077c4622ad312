// nginx and PgBouncer of a test's or bench's own (Debian's packages): each a child process in the
// foreground, its configuration in a temp folder. As root they run as the postgres user, since
// PgBouncer refuses to run as root (and nginx's workers then can write their temp folders).
import { execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const PACKAGES = { nginx: "nginx-light", pgbouncer: "pgbouncer" };

/** Debian puts both in /usr/sbin, which a user's PATH may lack. */
function binary(name) {
  const found = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"].map((dir) => path.join(dir, name)).find((file) => existsSync(file));
  if (!found) throw new Error(`${name} is not installed: apt-get install -y ${PACKAGES[name] ?? name}`);
  return found;
}

async function listening(port, timeoutMs = 10_000) {
  const connects = () =>
    new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => resolve(socket.end() && true));
      socket.on("error", () => resolve(false));
    });
  for (const deadline = Date.now() + timeoutMs; !(await connects());) {
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs `command` in a new temp folder (written by `configure(dir)`) until `remove()`; resolves once `port` listens. */
export async function runOwn(command, { port, prefix, configure, args }) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim())) : [];
  configure(dir);
  if (asRoot) for (const file of ["", ...readdirDeep(dir)]) chownSync(path.join(dir, file), ids[0], ids[1]);
  const child = spawn(binary(command), args(dir), { cwd: dir, stdio: ["ignore", "ignore", "pipe"], ...(asRoot && { uid: ids[0], gid: ids[1] }) });
  child.stderr.on("data", (chunk) => process.stderr.write(`[${command}] ${chunk}`));
  const remove = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await listening(port);
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir, remove };
}

function readdirDeep(dir) {
  return execFileSync("find", [dir, "-mindepth", "1", "-printf", "%P\\n"], { encoding: "utf8" }).split("\n").filter(Boolean);
}

/**
 * nginx on `port` in front of `upstreams` (ports on 127.0.0.1), set up as the README says: HTTP/1.1
 * kept alive to the instances, the forwarded headers, event streams unbuffered and kept open.
 * `balance` chooses the instance (round robin unless given); `extra` adds directives to every location.
 */
export function startNginx({ port, upstreams, balance = "", extra = "" }) {
  const proxied = [
    "proxy_pass http://stave;",
    "proxy_http_version 1.1;",
    'proxy_set_header Connection "";',
    "proxy_set_header Host $http_host;",
    "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
    "proxy_set_header X-Forwarded-Host $http_host;",
    "proxy_set_header X-Forwarded-Proto $scheme;",
    "proxy_connect_timeout 2s;",
    extra,
  ].join(" ");
  const configure = (dir) => {
    for (const temp of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, temp));
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
    ${balance}
    ${upstreams.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join("\n    ")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / { ${proxied} }
    location ~ /events$ { ${proxied} proxy_buffering off; proxy_read_timeout 1h; }
  }
}
`,
    );
  };
  return runOwn("nginx", {
    port,
    prefix: "stave-nginx-",
    configure,
    args: (dir) => ["-p", dir, "-e", path.join(dir, "error.log"), "-c", path.join(dir, "nginx.conf")],
  });
}

/**
 * PgBouncer on `port` in transaction mode in front of the PostgreSQL at `databaseUrl` (trusting
 * whoever connects, as a throwaway PostgreSQL does). Resolves with `url`: `databaseUrl` through it.
 */
export async function startPgBouncer({ port, databaseUrl, poolSize = 20 }) {
  const target = new URL(databaseUrl);
  const database = target.pathname.slice(1);
  const configure = (dir) => {
    writeFileSync(path.join(dir, "userlist.txt"), `"${decodeURIComponent(target.username)}" "${decodeURIComponent(target.password)}"\n`);
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
        `default_pool_size = ${poolSize}`,
        "max_client_conn = 500",
        `logfile = ${path.join(dir, "pgbouncer.log")}`,
        "log_connections = 0",
        "log_disconnections = 0",
        "",
      ].join("\n"),
    );
  };
  const own = await runOwn("pgbouncer", { port, prefix: "stave-pgbouncer-", configure, args: (dir) => ["--quiet", path.join(dir, "pgbouncer.ini")] });
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return { url: url.toString(), remove: own.remove };
}
