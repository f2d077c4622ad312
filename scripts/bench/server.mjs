// Building and running the app for the bench: a production build in .next-bench and the production server (scripts/serve.mjs)
// in its own process group, always stopped again (also on Ctrl-C).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale as buildSources, nextBin, serveScript } from "../build-if-stale.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
// BENCH_DIST_DIR: another build folder, e.g. one the browser tests built, to skip a build.
export const DIST_DIR = process.env.BENCH_DIST_DIR || ".next-bench";
const NEXT_BIN = nextBin;

// ---- clean-up that also runs on Ctrl-C and on errors -------------------------------------------

const cleanups = new Set();
/** Registers a synchronous clean-up step; returns a function that runs it once and unregisters it. */
export function onCleanup(fn) {
  const once = () => {
    if (!cleanups.delete(once)) return;
    try {
      fn();
    } catch (error) {
      console.error(`clean-up step failed: ${error.message}`);
    }
  };
  cleanups.add(once);
  return once;
}
function runCleanups() {
  for (const fn of [...cleanups].reverse()) fn();
}
process.on("exit", runCleanups);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the bench and cleaning up…`);
    runCleanups();
    process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
  });
}

// ---- build --------------------------------------------------------------------------------------

/** Builds into .next-bench when the sources changed since its last build (or when forced). */
export function buildIfStale({ force = false } = {}) {
  if (!existsSync(NEXT_BIN)) throw new Error("next is not installed: run `npm install` first.");
  if (force) rmSync(path.join(ROOT, DIST_DIR, "BUILD_ID"), { force: true });
  buildSources({ ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" });
}

// ---- HTTP ---------------------------------------------------------------------------------------

export const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

let sessionCookie;
/** Every request after this carries the bench user's session, as a signed-in browser would. */
export function setSessionCookie(cookie) {
  sessionCookie = cookie;
}

/** One HTTP request on the keep-alive agent; resolves with status, headers and the body as a Buffer. */
export function request(url, { method = "GET", headers = {}, body, timeoutMs = 30_000 } = {}) {
  const allHeaders = sessionCookie ? { ...headers, Cookie: sessionCookie } : headers;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: allHeaders, agent, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}

// ---- server CPU time ----------------------------------------------------------------------------

// /proc/<pid>/stat counts in clock ticks (`getconf CLK_TCK`), 100 a second on Linux.
const CLK_TCK = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;

/**
 * CPU time (user + system, all threads) of every live process in a process group, in ms.
 * Whatever the server starts belongs to its group, so the group, not the pid, is what serves requests.
 * Resolution is one clock tick (10 ms): measure windows of many requests, not single ones.
 */
export function processGroupCpuMs(pgid) {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // The command name may contain spaces and parentheses: fields are counted after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state): pgrp is field 5, utime 14, stime 15.
    if (Number(fields[2]) !== pgid) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / CLK_TCK;
}

// ---- the server -------------------------------------------------------------------------------

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** The preferred port when free, else one the OS picks. */
export async function freePort(preferred) {
  if (await portIsFree(preferred)) return preferred;
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the production server on the bench build and waits until `/` answers. The one place that
 * knows how the app is started: everything else uses only what it returns ({ url, log, cpuMs(), stop() }).
 */
export async function startServer({ port, env, label }) {
  const log = [];
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean), serveScript], {
    cwd: ROOT,
    env: { ...env, NEXT_DIST_DIR: DIST_DIR, NODE_ENV: "production", PORT: String(port), STAVE_HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    detached: true, // its own process group, so everything it starts stops with it
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk) => {
    for (const line of String(chunk).split("\n")) if (line.trim()) log.push(line);
    if (log.length > 400) log.splice(0, log.length - 400);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = null;
  const exit = new Promise((resolve) => child.on("exit", (code, signal) => resolve((exited = { code, signal }))));
  const kill = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const unregister = onCleanup(() => kill("SIGKILL"));
  const server = {
    url: `http://127.0.0.1:${port}`,
    log,
    /** CPU ms used so far by the server's processes; the difference over a window is its cost. */
    cpuMs: () => processGroupCpuMs(child.pid),
    async stop() {
      if (!exited) {
        kill("SIGTERM");
        const timer = setTimeout(() => kill("SIGKILL"), 5_000);
        await exit;
        clearTimeout(timer);
      }
      unregister();
    },
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) {
      unregister();
      throw new Error(`${label}: the server exited (${exited.code ?? exited.signal}) before it was ready:\n${log.slice(-30).join("\n")}`);
    }
    try {
      const res = await request(`${server.url}/`, { timeoutMs: 5_000 });
      if (res.status === 200 || res.status === 307 || res.status === 308) return server;
      if (res.status >= 500) throw new Error(`${label}: GET / answered ${res.status}:\n${log.slice(-30).join("\n")}`);
    } catch (error) {
      if (error.message.startsWith(label)) {
        await server.stop();
        throw error;
      }
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${label}: the server did not answer on ${server.url}/ within 90 s:\n${log.slice(-30).join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}
