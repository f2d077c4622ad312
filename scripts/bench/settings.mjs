// The bench's settings, from BENCH_* environment variables; the defaults are what a plain
// `npm run bench` measures.
import path from "node:path";
import { DIST_DIR, ROOT } from "./server.mjs";

/** The ceiling: a trivial route handler of the same build, measured at the same concurrency. */
export const CEILING_PATH = "/api/health";

function numberSetting(name, fallback, { zero = false } = {}) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zero)) {
    throw new Error(`${name} must be a ${zero ? "non-negative" : "positive"} number, not “${raw}”.`);
  }
  return value;
}

export const readSettings = () => ({
  concurrency: Math.round(numberSetting("BENCH_CONCURRENCY", 50)),
  durationMs: numberSetting("BENCH_DURATION", 10) * 1000,
  warmupMs: numberSetting("BENCH_WARMUP", 2, { zero: true }) * 1000,
  thinkMs: numberSetting("BENCH_THINK_MS", 0, { zero: true }),
  // A person reads each question before answering; even 1 s between saves is far quicker than that.
  pacedThinkMs: numberSetting("BENCH_PACED_THINK_MS", 1000, { zero: true }),
  maxRequests: Math.round(numberSetting("BENCH_MAX_REQUESTS", 200_000)),
  pageConcurrency: Math.round(numberSetting("BENCH_PAGE_CONCURRENCY", 10)),
  pageDurationMs: numberSetting("BENCH_PAGE_DURATION", 5) * 1000,
  pageWarmupMs: numberSetting("BENCH_PAGE_WARMUP", 1, { zero: true }) * 1000,
  browserViews: Math.round(numberSetting("BENCH_BROWSER_VIEWS", 20, { zero: true })),
  documentSamples: Math.round(numberSetting("BENCH_DOCUMENT_SAMPLES", 20)),
  lighthouse: process.env.BENCH_LIGHTHOUSE !== "0",
  lighthouseRuns: Math.round(numberSetting("BENCH_LIGHTHOUSE_RUNS", 3)),
  lighthouseDir: path.resolve(ROOT, process.env.BENCH_LIGHTHOUSE_DIR || path.join(DIST_DIR, "lighthouse")),
  // Generated organisations for the dashboard figures: 500 teams on both drivers, 5,000 on PostgreSQL.
  dashboardTeams: { pglite: [500], postgres: [500, 5000] },
  workshopParticipants: 100,
  // Delivery events sent to the 500-team organisation: a year of them, by this many clients, in batches (0 skips it).
  ingestEvents: Math.round(numberSetting("BENCH_INGEST_EVENTS", 100_000, { zero: true })),
  ingestClients: Math.round(numberSetting("BENCH_INGEST_CLIENTS", 20)),
  ingestBatch: Math.round(numberSetting("BENCH_INGEST_BATCH", 100)),
  // PostgreSQL only: the loads again through nginx and PgBouncer, with one instance and with this many.
  instances: Math.round(numberSetting("BENCH_INSTANCES", 3, { zero: true })),
  instancePoolSize: Math.round(numberSetting("BENCH_POOL_SIZE", 10)),
  drivers: (process.env.BENCH_DRIVERS ?? "pglite,postgres")
    .split(",")
    .map((d) => d.trim())
    .filter(Boolean),
  databaseUrl: process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "",
  // Set when the bench started its own PostgreSQL: { url, port, version }.
  throwaway: undefined,
  rebuild: process.env.BENCH_REBUILD === "1",
});
