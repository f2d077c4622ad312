// Transactions the database committed or rolled back (pg_stat_database), to count what one save
// costs in round trips. Every statement on the save path is autocommit today, so transactions ≈
// statements; a save that runs several statements in one transaction would count once.
//
// Backends publish their counts in batches, not at once: a backend flushes at most once a second,
// and one that goes idle within a second of its last flush (every backend, under load) waits for
// its idle timer, PGSTAT_IDLE_INTERVAL = 10 s. So a reading is only taken once 10 s have passed
// since the server's last database work and the counter has then stopped moving (checked by polling;
// a counter that is still for 2 s may still jump at 10 s). The bench's own readings all run inside
// one open transaction, which is counted only when it commits, after the last reading: the bench
// itself adds nothing to the figures (known own queries: 0). Autovacuum's transactions count too: a
// worker vacuums and analyses each table in a transaction of its own, so its runs over the window
// (pg_stat_all_tables, which the worker reports as each table ends) are read alongside, to be
// taken off (about: a worker's few catalogue reads as it starts are not in them). So are connections
// opened meanwhile (pg_stat_database.sessions, PostgreSQL 14 and later): a backend's start-up reads
// the catalogue in a transaction of its own, and the app's pool opens its connections again during
// the load, having closed them while the counter settled (idle for 10 s).
import pg from "pg";

const QUERY =
  "select (select coalesce(sum(xact_commit + xact_rollback), 0) from pg_stat_database where datname = current_database())::bigint as n, " +
  "(select coalesce(sum(autovacuum_count + autoanalyze_count), 0) from pg_stat_all_tables)::bigint as autovacuum, " +
  "(select coalesce(sum(sessions), 0) from pg_stat_database where datname = current_database())::bigint as sessions";
const POLL_MS = 250;
const IDLE_FLUSH_MS = 10_500; // PostgreSQL's PGSTAT_IDLE_INTERVAL (10 s), and a margin
const STILL_FOR_MS = 1_000;
const SETTLE_TIMEOUT_MS = 40_000;

export async function openTransactionCounter(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("begin");
  const read = async () => {
    // Without this, the statistics seen are frozen at the transaction's first read.
    await client.query("select pg_stat_clear_snapshot()");
    const [row] = (await client.query(QUERY)).rows;
    return { n: Number(row.n), autovacuum: Number(row.autovacuum), sessions: Number(row.sessions) };
  };
  return {
    /**
     * The counter (`value`), autovacuum's runs (`autovacuum`) and connections opened (`sessions`) so far, once IDLE_FLUSH_MS have passed since
     * `quietSince` (performance.now() when the server's last database work ended) and the counter has
     * not moved for STILL_FOR_MS; `settled: false` when it kept moving.
     */
    async settled(quietSince = performance.now()) {
      const started = performance.now();
      let reading = await read();
      let since = performance.now();
      for (;;) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        const next = await read();
        const now = performance.now();
        if (next.n !== reading.n) {
          reading = next;
          since = now;
        } else if (now - since >= STILL_FOR_MS && now - quietSince >= IDLE_FLUSH_MS) {
          return { value: next.n, autovacuum: next.autovacuum, sessions: next.sessions, settled: true, waitedMs: now - started };
        }
        if (now - started > SETTLE_TIMEOUT_MS)
          return { value: next.n, autovacuum: next.autovacuum, sessions: next.sessions, settled: false, waitedMs: now - started };
      }
    },
    async close() {
      await client.query("commit").catch(() => {});
      await client.end().catch(() => {});
    },
  };
}

/**
 * Statements (transactions) per save, from PostgreSQL's own counters around the back-to-back load.
 * On PostgreSQL only (`databaseUrl` unset: just the load). `quietSince`: when the server's last database work before the load ended (the trivial route in
 * between touches no database), so the first reading need not wait for its counts again.
 */
export async function countedLoad(databaseUrl, quietSince, run) {
  if (!databaseUrl) return { load: await run() };
  const counter = await openTransactionCounter(databaseUrl);
  try {
    const before = await counter.settled(quietSince);
    const load = await run();
    console.log(`[postgres] waiting for PostgreSQL's transaction counter to settle (its backends publish counts up to 10 s late)…`);
    const after = await counter.settled(performance.now());
    const transactions = after.value - before.value;
    const autovacuum = after.autovacuum - before.autovacuum;
    const connections = after.sessions - before.sessions;
    const perSave = (transactions - autovacuum - connections) / load.sent;
    const statements = { transactions, autovacuum, connections, saves: load.sent, perSave, settled: before.settled && after.settled };
    return { load, statements };
  } finally {
    await counter.close();
  }
}
