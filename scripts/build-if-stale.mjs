// Builds the app into NEXT_DIST_DIR (default .next) when a source file is newer than the last build.
// Many `npm start` at once (several instances on one machine) build at most once: the first takes
// a lock file and builds, the others wait for it and then find the build fresh.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { underBuildLock } from "./build-lock.mjs";

const root = process.cwd();
const sources = [
  "app",
  "components",
  "content",
  "db",
  "lib",
  "server",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "package.json",
  "package-lock.json",
];

function newestChange(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(full).map((child) => newestChange(path.join(entry, child))));
}

export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
/** The production server (Next.js behind precompressed static files): run it with node. */
export const serveScript = path.join(root, "scripts", "serve.mjs");

export function buildIfStale(env = process.env) {
  const own = env.NEXT_DIST_DIR || ".next";
  const buildId = path.join(root, own, "BUILD_ID");
  const fresh = () => (existsSync(buildId) ? statSync(buildId).mtimeMs : 0) >= Math.max(...sources.map(newestChange));
  if (fresh()) return;
  const status = underBuildLock(path.join(root, `${own}.build-lock`), () => {
    // Another start may have built while this one waited.
    if (fresh()) return 0;
    console.log("Building Stave (first start or changed sources)…");
    // tsconfig.json includes the route types of every build folder (app, tests, bench); another
    // folder's may describe routes that no longer exist and would fail this build's type check.
    for (const dir of [".next", ".next-e2e", ".next-bench"].filter((d) => d !== own)) {
      for (const types of ["types", "dev/types"]) rmSync(path.join(root, dir, types), { recursive: true, force: true });
    }
    return spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env }).status ?? 1;
  });
  if (status !== 0) process.exit(status);
}
