// What one signed-in person opening a page costs the server: a real browser (Debian's Chromium,
// through Playwright) with an empty cache opens the page and stays until the network is idle, so
// the document, every script and stylesheet and every link prefetch are counted; compared with
// the document alone, fetched by the bench's own HTTP client.
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../chromium.mjs";
import { request } from "./server.mjs";

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** document, static (/_next/static), prefetch (RSC with Next-Router-Prefetch), rsc (other RSC), other. */
function kindOf(req) {
  const url = new URL(req.url());
  const headers = req.headers();
  if (req.resourceType() === "document") return "document";
  if (url.pathname.startsWith("/_next/static/")) return "static";
  const rsc = headers.rsc === "1" || url.searchParams.has("_rsc");
  if (rsc && headers["next-router-prefetch"]) return "prefetch";
  if (rsc) return "rsc";
  return "other";
}

/**
 * Opens `pagePath` in fresh browser contexts (no cache, the session cookie set). The CPU figure is
 * the mean over `views`: the clock counts in 10 ms ticks, about one view's worth, so a median of a
 * few views can only say 10 or 20.
 */
async function browserViews({ server, pagePath, cookie, views }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const separator = cookie.indexOf("=");
  const sessionCookie = { name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: server.url };
  try {
    const open = async () => {
      const context = await browser.newContext();
      try {
        await context.addCookies([sessionCookie]);
        const page = await context.newPage();
        const requests = [];
        page.on("request", (req) => requests.push(req));
        const before = server.cpuMs();
        const response = await page.goto(`${server.url}${pagePath}`, { waitUntil: "networkidle", timeout: 60_000 });
        const cpu = server.cpuMs() - before;
        if (response?.status() !== 200 || new URL(page.url()).pathname !== pagePath) {
          throw new Error(`the browser got ${response?.status()} at ${page.url()}, not ${pagePath} (signed out?)`);
        }
        const kinds = {};
        for (const req of requests) {
          const kind = kindOf(req);
          kinds[kind] = (kinds[kind] ?? 0) + 1;
        }
        const prefetches = requests.filter((req) => kindOf(req) === "prefetch");
        // Next asks for a route's segment tree first (Next-Router-Segment-Prefetch: /_tree); a dynamic
        // route (no partial prerendering) cannot serve it, so the router asks again the older way.
        const segmentPrefetches = prefetches.filter((req) => req.headers()["next-router-segment-prefetch"]).length;
        // Next's router cancels most prefetch responses before their end (net::ERR_ABORTED: it reads up
        // to a byte limit, or finds it cannot use them); the server has rendered them all the same.
        const aborted = requests.filter((req) => req.failure()?.errorText === "net::ERR_ABORTED").length;
        const failed = requests
          .filter((req) => req.failure() && req.failure().errorText !== "net::ERR_ABORTED")
          .map((req) => `${req.url()}: ${req.failure().errorText}`);
        return { cpu, requests: requests.length, kinds, segmentPrefetches, aborted, failed };
      } finally {
        await context.close();
      }
    };
    await open(); // the first view of this server may still compile and cache: not counted
    const measured = [];
    for (let i = 0; i < views; i++) measured.push(await open());
    const typical = measured.find((m) => m.requests === median(measured.map((x) => x.requests))) ?? measured[0];
    return { cpuMs: measured.reduce((sum, m) => sum + m.cpu, 0) / measured.length, cpuAll: measured.map((m) => m.cpu), ...typical };
  } finally {
    await browser.close();
  }
}

/**
 * The server CPU of the document alone, asked for as the browser asks (compressed), as a mean over
 * `samples` requests one after another (one clock tick is 10 ms).
 */
async function documentAlone({ server, pagePath, samples }) {
  const get = async () => {
    const res = await request(`${server.url}${pagePath}`, { headers: { Accept: "text/html", "Accept-Encoding": "gzip, deflate, br, zstd" } });
    if (res.status !== 200) throw new Error(`GET ${pagePath} answered ${res.status}`);
  };
  for (let i = 0; i < 3; i++) await get(); // warm
  const before = server.cpuMs();
  for (let i = 0; i < samples; i++) await get();
  return (server.cpuMs() - before) / samples;
}

export async function measureColdView({ server, pagePath, cookie, views, samples }) {
  const view = await browserViews({ server, pagePath, cookie, views });
  const documentCpuMs = await documentAlone({ server, pagePath, samples });
  return { ...view, documentCpuMs, ratio: view.cpuMs / documentCpuMs, views, samples };
}
