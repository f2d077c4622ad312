// The build's static files (/_next/static/…) and the public/ folder's, compressed once when the
// server starts instead of on every request. Build files have content-hashed names and are cached
// for a year; public files (the icon) for a day.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const TYPES = {
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".png": "image/png",
  ".ico": "image/x-icon",
};
const COMPRESSIBLE = new Set([".js", ".css", ".json", ".map", ".svg", ".txt"]);
const PREFIX = "/_next/static/";

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/** Reads a file and makes its brotli and gzip versions, off the main thread (zlib's thread pool). */
async function prepare(file) {
  const ext = path.extname(file);
  const raw = await readFile(file);
  if (!COMPRESSIBLE.has(ext) || raw.length < 1024) return { raw, type: TYPES[ext] ?? "application/octet-stream" };
  const [br, gz] = await Promise.all([
    brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 10, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    gzip(raw, { level: 9 }),
  ]);
  return { raw, br, gz, type: TYPES[ext] ?? "application/octet-stream" };
}

/**
 * Starts compressing every static file of the build in `distDir`, and returns the request handler:
 * it answers requests for those files (true) and leaves everything else to Next.js (false).
 */
export function staticFiles(distDir, publicDir) {
  const roots = [
    { prefix: PREFIX, dir: path.join(distDir, "static"), cacheControl: "public, max-age=31536000, immutable" },
    { prefix: "/", dir: publicDir, cacheControl: "public, max-age=86400" },
  ];
  const ready = new Map();
  const loaded = Promise.all(
    roots.map(async ({ dir }) => {
      for (const file of await filesUnder(dir)) ready.set(file, prepare(file));
    }),
  );

  return async function serveStatic(req, res) {
    if ((req.method !== "GET" && req.method !== "HEAD") || !req.url) return false;
    const root = roots.find((r) => req.url.startsWith(r.prefix));
    let relative;
    try {
      relative = decodeURIComponent(req.url.slice(root.prefix.length).split("?")[0]);
    } catch {
      return false;
    }
    const file = path.join(root.dir, relative);
    if (!file.startsWith(root.dir + path.sep)) return false;
    await loaded;
    const entry = await ready.get(file);
    if (!entry) return false; // not a static file: Next answers

    const accepts = String(req.headers["accept-encoding"] ?? "");
    const [body, encoding] =
      entry.br && /\bbr\b/.test(accepts) ? [entry.br, "br"] : entry.gz && /\bgzip\b/.test(accepts) ? [entry.gz, "gzip"] : [entry.raw, undefined];
    res.statusCode = 200;
    res.setHeader("Content-Type", entry.type);
    res.setHeader("Content-Length", body.length);
    res.setHeader("Cache-Control", root.cacheControl);
    res.setHeader("X-Content-Type-Options", "nosniff");
    if (entry.br || entry.gz) res.setHeader("Vary", "Accept-Encoding");
    if (encoding) res.setHeader("Content-Encoding", encoding);
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
