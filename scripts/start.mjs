// `npm start`: build when the sources changed since the last build, then serve.
import { spawn } from "node:child_process";
import { buildIfStale, serveScript } from "./build-if-stale.mjs";

buildIfStale();
const server = spawn(process.execPath, [serveScript], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
