// The production server: Next.js behind a thin HTTP layer that serves the build's static files
// compressed once (not on every request) and answers bad server-action bodies with 413 and 400.
// Used by `npm start`, the browser tests and the bench.
import http from "node:http";
import path from "node:path";
import next from "next";
import { markClientAddress } from "../server/client-address.mjs";
import { checkActionBody } from "./serve/action-body.mjs";
import { staticFiles } from "./serve/static-files.mjs";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.STAVE_HOST || undefined; // unset: every interface
const dir = process.cwd();
const distDir = path.join(dir, process.env.NEXT_DIST_DIR || ".next");
// As lib/env.ts reads it: behind a reverse proxy that appends the client's address to X-Forwarded-For.
const trustProxy = ["1", "true"].includes(process.env.STAVE_TRUST_PROXY ?? "");

const app = next({ dev: false, dir, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
const serveStatic = staticFiles(distDir, path.join(dir, "public"));

await app.prepare();
const server = http.createServer(async (req, res) => {
  try {
    markClientAddress(req, trustProxy);
    if (await serveStatic(req, res)) return;
    if (await checkActionBody(req, res)) return;
    await handle(req, res);
  } catch (error) {
    console.error("Request failed:", error);
    if (!res.headersSent) {
      res.writeHead(500, { "Content-Type": "text/plain" });
      res.end("Something went wrong on our side.");
    } else res.destroy();
  }
});
server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeout
server.listen(port, hostname, () => console.log(`Stave is listening on http://${hostname ?? "localhost"}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
