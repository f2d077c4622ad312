// Delivery events sent to POST /api/v1/events: a year of deployments, changes and incidents for the
// generated organisation's teams (one mapped service each), sent by many clients at once in batches,
// with events per second and the request latency (to hold against the trivial route of the same run);
// then a team's delivery metrics per quarter, read by 10 clients back to back, computed in SQL from
// what was just sent, and the organisation's dashboard with its delivery spread across every team
// (its first read after the ingest, then 10 readers). Every event's id is new to the run, so nothing is a duplicate.
import { randomBytes } from "node:crypto";
import { runGetLoad } from "./load.mjs";
import { request, setSessionCookie } from "./server.mjs";

const YEAR_MS = 365 * 86_400_000;
const percentile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);

/**
 * The k-th event of the stream: blocks of 20 go to one service at a time (so every service gets every
 * kind): an incident opened and resolved, four changes, and deployments, some failing or rework.
 */
function streamEvent(k, { total, services, run, start }) {
  const service = services[Math.floor(k / 20) % services.length];
  const time = new Date(start + Math.floor((k / total) * YEAR_MS));
  const id = `${run}-${k}`;
  const shape = k % 20;
  if (shape === 0) return { id, type: "incident.detected", service, time: time.toISOString(), incident: `${run}-inc-${k}` };
  if (shape === 1) {
    const resolved = new Date(time.getTime() + 60_000 * (5 + (k % 240)));
    return { id, type: "incident.resolved", service, time: resolved.toISOString(), incident: `${run}-inc-${k - 1}` };
  }
  if (shape % 5 === 2) {
    const committed = new Date(time.getTime() - 3_600_000 * (1 + (k % 72)));
    return { id, type: "change", service, time: time.toISOString(), change: `pr-${k}`, committedAt: committed.toISOString() };
  }
  return { id, type: "deployment", service, time: time.toISOString(), outcome: k % 13 === 0 ? "failure" : "success", rework: k % 17 === 0 };
}

export async function measureIngest({ server, dash, settings, restoreCookie, log }) {
  setSessionCookie(undefined);
  const { ingestEvents: total, ingestClients: clients, ingestBatch: batch } = settings;
  const stream = { total, services: dash.services, run: `bench-${randomBytes(4).toString("hex")}`, start: Date.now() - YEAR_MS - 86_400_000 };
  const headers = { Authorization: `Bearer ${dash.apiToken}`, "Content-Type": "application/json" };
  const batches = Math.ceil(total / batch);
  const latencies = [];
  const errors = new Map();
  let next = 0;
  let recorded = 0;
  try {
    log(`ingest: ${total} events for ${dash.services.length} services in batches of ${batch}, ${clients} clients at once…`);
    const cpuBefore = server.cpuMs();
    const began = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let b = next++; b < batches; b = next++) {
          const events = [];
          for (let k = b * batch; k < Math.min(total, (b + 1) * batch); k++) events.push(streamEvent(k, stream));
          const sent = performance.now();
          try {
            const res = await request(`${server.url}/api/v1/events`, { method: "POST", headers, body: JSON.stringify({ events }), timeoutMs: 60_000 });
            latencies.push(performance.now() - sent);
            if (res.status === 200) recorded += JSON.parse(res.body).recorded;
            else errors.set(`${res.status} ${String(res.body).slice(0, 160)}`, (errors.get(`${res.status} ${String(res.body).slice(0, 160)}`) ?? 0) + 1);
          } catch (error) {
            errors.set(error.message, (errors.get(error.message) ?? 0) + 1);
          }
        }
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    const cpuMs = server.cpuMs() - cpuBefore;
    const sorted = latencies.sort((a, b) => a - b);
    const ingest = {
      events: total,
      recorded,
      requests: batches,
      batch,
      clients,
      seconds,
      eventsPerSecond: recorded / seconds,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted.at(-1) ?? NaN,
      errors: [...errors],
      cpuMsPerEvent: cpuMs / Math.max(1, recorded),
    };

    const path = `/api/v1/teams/${dash.teamIds[0]}/delivery`;
    const first = await request(`${server.url}${path}`, { headers });
    if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}: ${first.body}`);
    const quarters = JSON.parse(first.body).quarters.length;
    log(`ingest: a team's delivery metrics (${quarters} quarters), ${settings.pageConcurrency} readers back to back…`);
    const metrics = await runGetLoad({
      baseUrl: server.url,
      path,
      headers: { Authorization: headers.Authorization },
      cpuMs: server.cpuMs,
      concurrency: settings.pageConcurrency,
      warmupMs: settings.pageWarmupMs,
      durationMs: settings.pageDurationMs,
      maxRequests: settings.maxRequests,
    });

    // The organisation's dashboard, whose delivery spread (every team's metrics for the quarter) was
    // moved by the ingest: its first read computes it, the readers after share the kept figures.
    const dashboardPath = "/api/v1/dashboard";
    const began2 = performance.now();
    const cold = await request(`${server.url}${dashboardPath}`, { headers, timeoutMs: 120_000 });
    const coldMs = performance.now() - began2;
    if (cold.status !== 200) throw new Error(`GET ${dashboardPath} answered ${cold.status}: ${cold.body}`);
    const delivery = JSON.parse(cold.body).delivery;
    log(`ingest: the organisation's dashboard with its delivery spread (${delivery?.teams ?? 0} teams), ${settings.pageConcurrency} readers back to back…`);
    const dashboard = await runGetLoad({
      baseUrl: server.url,
      path: dashboardPath,
      headers: { Authorization: headers.Authorization },
      cpuMs: server.cpuMs,
      concurrency: settings.pageConcurrency,
      warmupMs: settings.pageWarmupMs,
      durationMs: settings.pageDurationMs,
      maxRequests: settings.maxRequests,
    });
    return {
      ingest,
      metrics: { path, quarters, readers: settings.pageConcurrency, load: metrics },
      organisation: { path: dashboardPath, teams: delivery?.teams ?? 0, coldMs, readers: settings.pageConcurrency, load: dashboard },
    };
  } finally {
    setSessionCookie(restoreCookie);
  }
}
