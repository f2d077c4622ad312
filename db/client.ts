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
import { postgresListener } from "./postgres-listener";
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
   * Whether a statement may be prepared under a name and reused. Not through a pooler in
   * transaction mode: the next transaction may run on another server connection, which never
   * heard the name (PgBouncer before 1.21 does not track them).
   */
  namedStatements: boolean;
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

export type OpenDbOptions =
  | {
      databaseUrl: string;
      /** PostgreSQL itself when `databaseUrl` is a pooler in transaction mode: for listening and the migration lock. */
      directUrl?: string;
      poolSize?: number;
    }
  | { dataDir: string }
  | { memory: true };

/** Opens a database and applies pending migrations (start-up then stores any missing scores: `backfillScores`). */
export async function openDb(options: OpenDbOptions): Promise<DbHandle> {
  if ("databaseUrl" in options) {
    const directUrl = options.directUrl ?? options.databaseUrl;
    // A request that cannot get a connection fails after 10 s instead of queueing forever.
    const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20, connectionTimeoutMillis: 10_000 });
    // An idle connection the server drops (a restart, a failover) must not take the process down;
    // the pool opens a new one for the next query, and /api/ready says so meanwhile.
    pool.on("error", (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    try {
      await migrateUnderLock(directUrl);
    } catch (error) {
      await pool.end().catch(() => {});
      throw error;
    }
    const db = drizzlePg({ client: pool, schema });
    const listener = postgresListener(directUrl);
    return {
      db,
      driver: "postgres",
      namedStatements: directUrl === options.databaseUrl,
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
      namedStatements: true,
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
 * Several instances may start together against one PostgreSQL: one migrates at a time. The lock is
 * held by a session, so it is taken on a connection of its own straight to PostgreSQL (through a
 * pooler in transaction mode the unlock could reach another server connection and never free it).
 */
async function migrateUnderLock(directUrl: string) {
  const client = new Client({ connectionString: directUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await client.end().catch(() => {});
  }
}

type Shared = { handle?: Promise<DbHandle> };
// One instance per process, shared by every bundle Next.js builds (route handlers, instrumentation).
const shared = ((globalThis as { __staveDb?: Shared }).__staveDb ??= {});

/** The process-wide database chosen by DATABASE_URL (unset: PGlite in the data folder). */
export function getDbHandle(): Promise<DbHandle> {
  if (!shared.handle) {
    const { DATABASE_URL, DATABASE_DIRECT_URL, DATABASE_POOL_SIZE, STAVE_DATA_DIR } = env();
    shared.handle = openDb(
      DATABASE_URL ? { databaseUrl: DATABASE_URL, directUrl: DATABASE_DIRECT_URL, poolSize: DATABASE_POOL_SIZE } : { dataDir: STAVE_DATA_DIR },
    );
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
