import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Client, Pool } from "pg";
import { env } from "@/lib/env";
import { acquireDataFolder } from "./data-folder-lock";
import { openPglite } from "./pglite-client";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A database handle that is an open transaction (a `Db` too: whatever takes a `Db` works inside one). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Driver = "pglite" | "postgres";
export type DbHandle = {
  db: Db;
  driver: Driver;
  close: () => Promise<void>;
  /**
   * On the embedded database only: bumped whenever sessions, users, members or organisations
   * change (a trigger announces it), so what was read about them may be kept until then. Only one
   * process ever opens a data folder, so every change passes here.
   */
  accessChanges?: { version: number };
  /**
   * Hears a notification channel (PostgreSQL LISTEN/NOTIFY): on PostgreSQL through one connection
   * kept for listening, on the embedded database in process. Every instance sharing a PostgreSQL
   * hears every `pg_notify` once it commits. Returns how to stop listening.
   */
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
  /**
   * On the embedded database only: a consistent copy of its data folder as a gzipped tar, taken
   * between two queries (after a checkpoint), so Stave can be backed up while it runs.
   */
  backup?: () => Promise<Blob>;
};

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Any constant works; it only has to be the same for every instance sharing one PostgreSQL.
const MIGRATION_LOCK = 7_282_001;

export type OpenDbOptions = { databaseUrl: string; poolSize?: number } | { dataDir: string } | { memory: true };

/** Opens a database and applies pending migrations (start-up then stores any missing scores: `backfillScores`). */
export async function openDb(options: OpenDbOptions): Promise<DbHandle> {
  if ("databaseUrl" in options) {
    // A request that cannot get a connection fails after 10 s instead of queueing forever.
    const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20, connectionTimeoutMillis: 10_000 });
    // An idle connection the server drops (a restart, a failover) must not take the process down;
    // the pool opens a new one for the next query, and /api/ready says so meanwhile.
    pool.on("error", (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    const db = drizzlePg({ client: pool, schema });
    const lock = await pool.connect();
    try {
      // Several instances may start together against one PostgreSQL: one migrates at a time.
      await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migratePg(db, { migrationsFolder });
    } finally {
      await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
      lock.release();
    }
    const listener = postgresListener(options.databaseUrl);
    return {
      db,
      driver: "postgres",
      listen: listener.listen,
      close: async () => {
        await listener.close();
        await pool.end();
      },
    };
  }

  let release = () => {};
  let dataDir: string | undefined;
  if ("dataDir" in options) {
    mkdirSync(options.dataDir, { recursive: true });
    release = acquireDataFolder(options.dataDir);
    dataDir = path.join(options.dataDir, "pglite");
  }
  let opened: Awaited<ReturnType<typeof openPglite>> | undefined;
  try {
    opened = await openPglite(dataDir);
    const { client, drizzleClient } = opened;
    const db = drizzlePglite({ client: drizzleClient, schema });
    await migratePglite(db, { migrationsFolder });
    const accessChanges = { version: 0 };
    await client.listen("stave_access_changed", () => {
      accessChanges.version++;
    });
    return {
      db,
      driver: "pglite",
      accessChanges,
      listen: async (channel, onPayload) => {
        const stop = await client.listen(channel, onPayload);
        return async () => stop();
      },
      backup: async () => {
        await client.exec("checkpoint");
        return client.dumpDataDir("gzip");
      },
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    // Closed before the folder is let go: another open in this process must not find it still running.
    await opened?.client.close().catch(() => {});
    release();
    throw error;
  }
}

/**
 * One connection that LISTENs for every channel anyone asked for, opened on first use, kept alive
 * by TCP keep-alive. When it is lost (a restart, a failover) it is opened again and listens again;
 * what was notified meanwhile is missed, so every listener then hears an empty payload, meaning
 * "anything may have changed": reload what you show.
 */
function postgresListener(connectionString: string) {
  const subscribers = new Map<string, Set<(payload: string) => void>>();
  let connection: Promise<Client> | undefined;
  let closed = false;

  let lost = false;
  function connect(): Promise<Client> {
    if (connection) return connection;
    const attempt: Promise<Client> = (async () => {
      const client = new Client({ connectionString, keepAlive: true });
      client.on("notification", (message) => {
        for (const callback of subscribers.get(message.channel) ?? []) callback(message.payload ?? "");
      });
      client.on("error", (error) => {
        console.error(`PostgreSQL listening connection lost: ${error.message}`);
        // Only this connection's own failure clears it (not a newer one's).
        if (connection === attempt) connection = undefined;
        lost = true;
        client.end().catch(() => {});
        if (!closed) setTimeout(() => void reconnect(), 500);
      });
      await client.connect();
      for (const channel of subscribers.keys()) await client.query(`listen ${quoteIdentifier(channel)}`);
      if (lost) {
        lost = false;
        for (const callbacks of subscribers.values()) for (const callback of callbacks) callback("");
      }
      return client;
    })();
    connection = attempt;
    attempt.catch(() => {
      if (connection === attempt) connection = undefined;
    });
    return attempt;
  }

  async function reconnect() {
    if (closed || subscribers.size === 0) return;
    try {
      await connect();
    } catch {
      setTimeout(() => void reconnect(), 1000);
    }
  }

  return {
    async listen(channel: string, onPayload: (payload: string) => void) {
      let set = subscribers.get(channel);
      const first = !set;
      if (!set) subscribers.set(channel, (set = new Set()));
      set.add(onPayload);
      const client = await connect();
      if (first) await client.query(`listen ${quoteIdentifier(channel)}`);
      return async () => {
        set.delete(onPayload);
        if (set.size === 0 && subscribers.get(channel) === set) {
          subscribers.delete(channel);
          await (await connection)?.query(`unlisten ${quoteIdentifier(channel)}`).catch(() => {});
        }
      };
    },
    async close() {
      closed = true;
      const client = await connection?.catch(() => undefined);
      await client?.end().catch(() => {});
    },
  };
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

type Shared = { handle?: Promise<DbHandle> };
// One instance per process, shared by every bundle Next.js builds (route handlers, instrumentation).
const shared = ((globalThis as { __staveDb?: Shared }).__staveDb ??= {});

/** The process-wide database chosen by DATABASE_URL (unset: PGlite in the data folder). */
export function getDbHandle(): Promise<DbHandle> {
  if (!shared.handle) {
    const { DATABASE_URL, STAVE_DATA_DIR } = env();
    shared.handle = openDb(DATABASE_URL ? { databaseUrl: DATABASE_URL } : { dataDir: STAVE_DATA_DIR });
    // A failed open must not be cached, or every later request fails too.
    shared.handle.catch(() => {
      shared.handle = undefined;
    });
  }
  return shared.handle;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Lets tests and scripts supply the database the queries use. */
export function useDbHandle(handle: DbHandle) {
  shared.handle = Promise.resolve(handle);
}

/** The rows of a raw `sql` query. Both drivers answer `execute` with `{ rows }`, typed differently. */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
