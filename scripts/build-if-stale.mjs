// Builds the app into NEXT_DIST_DIR (default .next) when a source file is newer than the last build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const sources = ["app", "components", "content", "db", "lib", "server", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "package.json", "package-lock.json"];

function newestChange(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(full).map((child) => newestChange(path.join(entry, child))));
}

export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

export function buildIfStale(env = process.env) {
  const buildId = path.join(root, env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (builtAt >= Math.max(...sources.map(newestChange))) return;
  console.log("Building Stave (first start or changed sources)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
