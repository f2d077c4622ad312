// `npm start`: build when the sources changed since the last build, then serve.
import { spawn } from "node:child_process";
import { buildIfStale, nextBin } from "./build-if-stale.mjs";

buildIfStale();
const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [nextBin, "start", "-p", port, ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
