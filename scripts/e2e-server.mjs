// The server Playwright tests against: its own build folder and, on the embedded database, a fresh data folder.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { buildIfStale, serveScript } from "./build-if-stale.mjs";

const env = { ...process.env, NEXT_DIST_DIR: ".next-e2e" };
buildIfStale(env);
if (!env.DATABASE_URL) {
  const dataDir = path.join(process.cwd(), ".e2e-data");
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  env.STAVE_DATA_DIR = dataDir;
}
const server = spawn(process.execPath, [serveScript], { stdio: "inherit", env: { ...env, PORT: env.PORT ?? "3100", NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
