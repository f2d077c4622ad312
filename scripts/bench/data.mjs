// The bench's data comes from setup-data.ts (run with tsx), and its autosave calls need the server
// action's id from the build.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DIST_DIR, ROOT } from "./server.mjs";

export const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
export const DATA_SCRIPT = path.join(ROOT, "scripts", "bench", "setup-data.ts");

/** Runs setup-data.ts (`setup`, `verify` or `cleanup`) and returns its BENCH_DATA result. */
export function runData(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, "--conditions=react-server", DATA_SCRIPT, ...args], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("BENCH_DATA "));
      if (code === 0 && line) resolve(JSON.parse(line.slice("BENCH_DATA ".length)));
      else reject(new Error(`setup-data.ts ${args[0]} failed (exit ${code}):\n${out.trim().split("\n").slice(-20).join("\n")}`));
    });
  });
}

export function saveAnswerActionId() {
  const file = path.join(ROOT, DIST_DIR, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8"));
  const entries = Object.entries(manifest.node ?? {});
  const match = entries.find(
    ([, e]) => e.exportedName === "saveAnswerAction" && /assessments\/\[assessmentId\]\/actions\.[jt]sx?$/.test(e.filename ?? ""),
  );
  if (!match) throw new Error(`saveAnswerAction is not in ${path.relative(ROOT, file)}; was it renamed or moved?`);
  return match[0];
}

/** Every respondent saves once, all at the same moment, on a server that has served nothing yet. */
