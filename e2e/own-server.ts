import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type TestInfo } from "@playwright/test";

type OwnServerOptions = { sameDatabase?: boolean; databaseUrl?: () => string; env?: () => Record<string, string> };
export type OwnServer = {
  baseURL: () => string;
  port: () => number;
  restart: () => Promise<void>;
  kill: () => Promise<void>;
  /** Its embedded database's folder, which may be changed between `stop()` and `start()`. */
  dataDir: () => string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Changes its environment for the next `start()` (e.g. a test clock's offset). */
  setEnv: (vars: Record<string, string>) => void;
};

/** One server process of the build the tests use, on a port and data folder of its own. */
function ownServer({ sameDatabase = false, databaseUrl, env: extraEnv }: OwnServerOptions) {
  let server: ChildProcess | undefined;
  let dataDir = "";
  let baseURL = "";
  let port = 0;
  let env: NodeJS.ProcessEnv = { ...process.env };

  const start = async () => {
    server = spawn(process.execPath, [path.join(process.cwd(), "scripts", "serve.mjs")], { env, stdio: "ignore" });
    await expect.poll(async () => (await fetch(`${baseURL}/api/ready`).catch(() => undefined))?.status, { timeout: 90_000, intervals: [250] }).toBe(200);
  };
  const stop = async (signal: NodeJS.Signals) => {
    const running = server;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill(signal);
    await exited;
  };

  const open = async (portBase: number, testInfo: TestInfo) => {
    // Shifted with E2E_PORT like the shared server, so two checkouts' own servers never meet on one port.
    port = portBase + (Number(process.env.E2E_PORT ?? 3100) - 3100) + testInfo.workerIndex;
    baseURL = `http://localhost:${port}`;
    dataDir = mkdtempSync(path.join(tmpdir(), "stave-own-server-"));
    env = { ...process.env, PORT: String(port), STAVE_DATA_DIR: dataDir, NEXT_DIST_DIR: ".next-e2e", NODE_ENV: "production" };
    if (databaseUrl) env.DATABASE_URL = databaseUrl();
    else if (!sameDatabase) delete env.DATABASE_URL;
    Object.assign(env, extraEnv?.());
    await start();
  };
  const close = async () => {
    await stop("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  };

  const handle: OwnServer = {
    baseURL: () => baseURL,
    port: () => port,
    // An instance that dies at once (as a crash or a redeploy does to open connections) and starts again on the same data.
    restart: async () => {
      await stop("SIGKILL");
      await start();
    },
    kill: () => stop("SIGKILL"),
    dataDir: () => dataDir,
    stop: () => stop("SIGTERM"),
    start,
    setEnv: (vars) => Object.assign(env, vars),
  };
  return { open, close, handle };
}

/**
 * A server of its own on a brand-new embedded database, for journeys that need an installation
 * nobody else has touched (the shared test server had its first account long ago); or, with
 * `sameDatabase`, a second instance on the shared test server's PostgreSQL, or with `databaseUrl`
 * on a PostgreSQL of the test's own (read when the server starts). Call inside a
 * `describe`; `baseURL()` is the server's address once it is ready; `restart()` kills it and
 * starts it again on the same port and data; `kill()` kills it for good; `stop()` and `start()`
 * stop it and start it again in two steps. `env` adds variables of its own.
 */
export function useOwnServer(portBase: number, options: OwnServerOptions = {}): OwnServer {
  return useOwnServers([portBase], options)[0]!;
}

/** Several servers as `useOwnServer` makes one, started side by side (one per port base). */
export function useOwnServers(portBases: number[], options: OwnServerOptions = {}): OwnServer[] {
  const servers = portBases.map(() => ownServer(options));
  test.beforeAll(async ({}, testInfo) => {
    test.setTimeout(120_000);
    await Promise.all(servers.map((server, i) => server.open(portBases[i]!, testInfo)));
  });
  test.afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });
  return servers.map((server) => server.handle);
}
