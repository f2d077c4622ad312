// The JavaScript a page makes the browser download: every <script src> (and script preload) in the
// served HTML, fetched and gzipped at zlib's default level (6). Next 16 no longer prints this.
// <script nomodule> (Next's legacy-browser polyfills) is listed apart: modern browsers skip it.
import { gzipSync } from "node:zlib";
import { request } from "./server.mjs";

const decode = (s) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'");

function attributes(tag) {
  const attrs = {};
  for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    attrs[m[1].toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

/** Script URLs referenced by the HTML, in order, without duplicates; nomodule ones; the inline scripts' text. */
export function scriptsIn(html) {
  const urls = [];
  const noModule = [];
  const inline = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = attributes(m[1]);
    if (attrs.src) ("nomodule" in attrs ? noModule : urls).push(attrs.src);
    else if (m[2].trim()) inline.push(m[2]);
  }
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = attributes(m[1]);
    const rel = (attrs.rel ?? "").toLowerCase().split(/\s+/);
    if (attrs.href && (rel.includes("modulepreload") || (rel.includes("preload") && attrs.as === "script"))) urls.push(attrs.href);
  }
  const modern = [...new Set(urls)].filter((u) => !noModule.includes(u));
  return { urls: modern, noModule: [...new Set(noModule)], inline };
}

const gzipSize = (buffer) => gzipSync(buffer).length; // level 6, zlib's default

/** Fetches `pagePath` and every script it references; sizes in bytes. */
export async function measurePageWeight(baseUrl, pagePath) {
  const page = await request(`${baseUrl}${pagePath}`);
  if (page.status !== 200) throw new Error(`GET ${pagePath} answered ${page.status}, not 200`);
  const html = page.body.toString("utf8");
  const { urls, noModule, inline } = scriptsIn(html);
  if (urls.length === 0) throw new Error(`GET ${pagePath}: no <script src> in the HTML`);
  const fetchScript = async (src) => {
    const url = new URL(src, `${baseUrl}${pagePath}`);
    if (url.origin !== new URL(baseUrl).origin) throw new Error(`script from another origin: ${url.href}`);
    const res = await request(url.href);
    if (res.status !== 200) throw new Error(`GET ${url.pathname} answered ${res.status}`);
    return { path: url.pathname + url.search, raw: res.body.length, gzip: gzipSize(res.body) };
  };
  const files = [];
  for (const src of urls) files.push(await fetchScript(src));
  const skipped = [];
  for (const src of noModule) skipped.push(await fetchScript(src));
  files.sort((a, b) => b.gzip - a.gzip);
  const inlineBuffer = Buffer.from(inline.join("\n"));
  return {
    files,
    noModule: skipped,
    totalGzip: files.reduce((s, f) => s + f.gzip, 0),
    totalRaw: files.reduce((s, f) => s + f.raw, 0),
    htmlGzip: gzipSize(page.body),
    inlineScripts: inline.length,
    inlineGzip: inline.length ? gzipSize(inlineBuffer) : 0,
  };
}
