// The leadership dashboard under load: a generated organisation (setup-data.ts `dashboard`), its
// dashboard for the whole organisation and for one department, read by 10 people at once; and
// how much a browser is sent (the HTML, and the RSC payload a client-side navigation fetches).
import { gzipSync } from "node:zlib";
import { runGetLoad } from "./load.mjs";
import { request, setSessionCookie } from "./server.mjs";

/** gzip size of a GET, asked for uncompressed so the size is the same whatever the server does. */
async function gzipBytes(url, headers = {}) {
  const res = await request(url, { headers: { "Accept-Encoding": "identity", ...headers } });
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return { raw: res.body.length, gzip: gzipSync(res.body).length };
}

/**
 * Measures one generated organisation's dashboards. `restoreCookie`: the bench user's own session,
 * put back afterwards.
 */
export async function measureDashboard({ server, dash, settings, restoreCookie, log }) {
  // Load the page's code first (as the bench user, in its own organisation), so the first view below counts only the figures.
  await request(`${server.url}/dashboard`);
  setSessionCookie(dash.cookie);
  try {
    const views = [
      { name: "organisation", path: "/dashboard", teams: dash.teams },
      { name: "one department", path: `/dashboard?group=${dash.groupId}`, teams: dash.groupTeams },
    ];
    const out = [];
    for (const view of views) {
      // The first view after a change computes the figures; later views share them until the next change.
      const coldStart = performance.now();
      const coldRes = await request(`${server.url}${view.path}`);
      if (coldRes.status !== 200) throw new Error(`GET ${view.path} answered ${coldRes.status}`);
      const firstViewMs = performance.now() - coldStart;
      log(
        `dashboard of ${dash.teams} teams × 12 assessments, ${view.name} (${view.teams} teams): ${settings.pageConcurrency} readers, ${settings.pageWarmupMs / 1000} s warm-up + ${settings.pageDurationMs / 1000} s…`,
      );
      const readers = (options) =>
        runGetLoad({
          baseUrl: server.url,
          path: view.path,
          cpuMs: server.cpuMs,
          concurrency: settings.pageConcurrency,
          warmupMs: settings.pageWarmupMs,
          durationMs: settings.pageDurationMs,
          maxRequests: settings.maxRequests,
          ...options,
        });
      const load = await readers({});
      // Ten readers who each look for a while (~1 s) before their next view, as people read a dashboard.
      const paced = await readers({ thinkMs: settings.pacedThinkMs });
      // The response one reader gets when nobody else is reading: the service time itself.
      const alone = await readers({ concurrency: 1, warmupMs: 0, durationMs: Math.min(3000, settings.pageDurationMs) });
      const html = await gzipBytes(`${server.url}${view.path}`);
      // Next answers an RSC request only with its cache-busting parameter (else it redirects to add it).
      const rsc = await gzipBytes(`${server.url}${view.path}${view.path.includes("?") ? "&" : "?"}_rsc`, { RSC: "1" });
      out.push({ ...view, firstViewMs, load, paced, alone, html, rsc });
    }
    return { teams: dash.teams, groups: dash.groups, assessments: dash.assessments, views: out };
  } finally {
    setSessionCookie(restoreCookie);
  }
}
