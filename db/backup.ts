import { randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { acquireDataFolder, dataFolderHolder } from "./data-folder-lock";
import { openPglite } from "./pglite-client";

// Backups of the embedded database: a gzipped tar of its data folder, as PGlite writes and reads
// them. While Stave runs, only Stave may touch the folder, so the running server writes the backup
// (asked through a key it leaves in the folder); while it is stopped, the command opens the folder
// itself. A restore only ever goes into a folder nobody is using.

/** Where a running Stave says how to ask it for a backup (readable by the folder's owner only). */
const ENDPOINT_FILE = "backup-endpoint.json";
const PGLITE_FOLDER = "pglite";

export type BackupEndpoint = { pid: number; port: number; key: string };

export class BackupError extends Error {
  override name = "BackupError";
}

/** The folder inside the data folder that holds the database itself. */
export const databaseFolder = (dataDir: string) => path.join(dataDir, PGLITE_FOLDER);

/** Written by a running Stave on the embedded database: the port and a fresh key to ask for a backup with. */
export function openBackupEndpoint(dataDir: string, port: number): BackupEndpoint {
  const endpoint = { pid: process.pid, port, key: randomBytes(32).toString("base64url") };
  const file = path.join(dataDir, ENDPOINT_FILE);
  writeFileSync(file, JSON.stringify(endpoint), { mode: 0o600 });
  process.once("exit", () => {
    try {
      if (readEndpoint(dataDir)?.pid === process.pid) unlinkSync(file);
    } catch {
      // already gone
    }
  });
  return endpoint;
}

function readEndpoint(dataDir: string): BackupEndpoint | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, ENDPOINT_FILE), "utf8")) as BackupEndpoint;
  } catch {
    return undefined;
  }
}

/** Whether a key presented to the running server is its backup key (compared in constant time). */
export function isBackupKey(endpoint: BackupEndpoint | undefined, presented: string | null): boolean {
  if (!endpoint || !presented) return false;
  const [a, b] = [Buffer.from(endpoint.key), Buffer.from(presented)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A backup of the embedded database in `dataDir`, from the running Stave or, when none runs, from the folder itself. */
export async function backUp(dataDir: string): Promise<{ bytes: Uint8Array; from: "running" | "folder" }> {
  if (!existsSync(databaseFolder(dataDir))) throw new BackupError(`There is no embedded database in ${dataDir} (STAVE_DATA_DIR) to back up.`);
  const holder = dataFolderHolder(dataDir);
  if (holder !== undefined) {
    const endpoint = readEndpoint(dataDir);
    if (!endpoint || endpoint.pid !== holder) {
      throw new BackupError(
        `Stave (PID ${holder}) is using ${dataDir} but has not said how to ask it for a backup; it may still be starting. Try again in a moment.`,
      );
    }
    const response = await fetch(`http://127.0.0.1:${endpoint.port}/api/backup`, {
      method: "POST",
      headers: { authorization: `Bearer ${endpoint.key}` },
    }).catch((error: unknown) => {
      throw new BackupError(`Stave (PID ${holder}) is using ${dataDir} but did not answer on port ${endpoint.port}: ${String(error)}`);
    });
    if (!response.ok) throw new BackupError(`The running Stave refused the backup (HTTP ${response.status}): ${await response.text()}`);
    return { bytes: new Uint8Array(await response.arrayBuffer()), from: "running" };
  }
  const release = acquireDataFolder(dataDir);
  try {
    const { client } = await openPglite(databaseFolder(dataDir));
    try {
      await client.exec("checkpoint");
      return { bytes: new Uint8Array(await (await client.dumpDataDir("gzip")).arrayBuffer()), from: "folder" };
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/** What a restored database holds, to say so. */
export type Restored = { organisations: number; teams: number; assessments: number; movedAside?: string };

/**
 * Restores a backup into `dataDir`. Refused while Stave uses the folder, and over a database
 * already there unless `force`, which moves that one aside (never deletes it).
 */
export async function restore(dataDir: string, backup: Uint8Array, { force = false } = {}): Promise<Restored> {
  if (backup[0] !== 0x1f || backup[1] !== 0x8b) throw new BackupError("This file is not a Stave backup (a gzipped archive written by npm run backup).");
  const holder = dataFolderHolder(dataDir);
  if (holder !== undefined) throw new BackupError(`Stave (PID ${holder}) is using ${dataDir}. Stop it before restoring into this folder.`);
  const target = databaseFolder(dataDir);
  const occupied = existsSync(target) && readdirSync(target).length > 0;
  if (occupied && !force) {
    throw new BackupError(`${target} already holds a database. Restore into an empty data folder, or add --force to move the existing one aside first.`);
  }
  mkdirSync(dataDir, { recursive: true });
  const release = acquireDataFolder(dataDir);
  try {
    let movedAside: string | undefined;
    if (occupied) {
      movedAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(target, movedAside);
    }
    try {
      return { ...(await load(target, backup)), ...(movedAside && { movedAside }) };
    } catch (error) {
      // Nothing half-restored stays: the folder is as it was.
      rmSync(target, { recursive: true, force: true });
      if (movedAside) renameSync(movedAside, target);
      throw error;
    }
  } finally {
    release();
  }
}

/** Unpacks a backup into an empty folder and counts what it holds: a backup without Stave's tables is refused. */
async function load(target: string, backup: Uint8Array): Promise<Restored> {
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: target, loadDataDir: new Blob([backup as Uint8Array<ArrayBuffer>]) });
  } catch (error) {
    throw new BackupError(`The backup could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const { rows } = await client.query<Restored>(
      `select (select count(*)::int from organisations) as organisations, (select count(*)::int from teams) as teams,
              (select count(*)::int from assessments where status = 'submitted') as assessments`,
    );
    return rows[0]!;
  } catch {
    throw new BackupError("This backup holds a database, but not Stave's.");
  } finally {
    await client.close();
  }
}
