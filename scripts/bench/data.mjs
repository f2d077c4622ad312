// The bench's data comes from setup-data.ts (run with tsx).
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./server.mjs";

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
