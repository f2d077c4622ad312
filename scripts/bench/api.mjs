// The public API under load, on the generated 500-team organisation: a team's trend and the
// organisation's quarterly series, read by 10 clients back to back with a token, and what a
// revalidation that ends in 304 costs. No session cookie: a tool has nothing but its token.
import { runGetLoad } from "./load.mjs";
import { request, setSessionCookie } from "./server.mjs";

export async function measureApi({ server, dash, settings, restoreCookie, log }) {
  setSessionCookie(undefined);
  const headers = { Authorization: `Bearer ${dash.apiToken}` };
  try {
    const reads = [
      { name: "a team's trend (12 assessments)", path: `/api/v1/teams/${dash.teamIds[0]}/trend` },
      { name: "the organisation's quarterly series", path: "/api/v1/dashboard" },
    ];
    const out = [];
    for (const read of reads) {
      const first = await request(`${server.url}${read.path}`, { headers });
      if (first.status !== 200) throw new Error(`GET ${read.path} answered ${first.status}: ${first.body}`);
      const load = (options) =>
        runGetLoad({
          baseUrl: server.url,
          path: read.path,
          cpuMs: server.cpuMs,
          concurrency: settings.pageConcurrency,
          warmupMs: settings.pageWarmupMs,
          durationMs: settings.pageDurationMs,
          maxRequests: settings.maxRequests,
          ...options,
        });
      log(`API, ${read.name}: ${settings.pageConcurrency} clients back to back, then revalidating with If-None-Match…`);
      const full = await load({ headers });
      const revalidated = await load({ headers: { ...headers, "If-None-Match": first.headers.etag }, status: 304 });
      out.push({ ...read, bytes: first.body.length, full, revalidated });
    }
    return out;
  } finally {
    setSessionCookie(restoreCookie);
  }
}
