import { loadModels } from "@/content/load-models";
import { openBackupEndpoint, type BackupEndpoint } from "@/db/backup";
import { getDbHandle, type DbHandle } from "@/db/client";
import { syncModelVersions } from "@/db/queries/model-versions";
import { backfillScores } from "@/db/score-rows";
import { env } from "@/lib/env";
import { startJobRunner, type JobRunner } from "./job-runner";
import { startSweeps } from "./sweeps";
import { webhookSender } from "./webhook-delivery";
import { mailer } from "./mail";

const shared = ((
  globalThis as { __staveStartUp?: { ready?: Promise<DbHandle>; backup?: BackupEndpoint; jobs?: JobRunner; sweeps?: { stop: () => void } } }
).__staveStartUp ??= {});

/** How `npm run backup` asks this server for a backup of its embedded database (none on PostgreSQL). */
export const backupEndpoint = () => shared.backup;

/**
 * Opens the database (applying migrations), stores the scores of submitted assessments that have
 * none or outdated ones, and records the maturity models, once per process; every request awaits it. A broken model file or a busy data folder
 * fails here with a message saying why, and the next call tries again.
 */
export function startUp(): Promise<DbHandle> {
  shared.ready ??= (async () => {
    const models = loadModels(env().STAVE_MODELS_DIR);
    const handle = await getDbHandle();
    const scored = await backfillScores(handle.db);
    if (scored > 0) console.log(`Stored the scores of ${scored} submitted assessments.`);
    const drifted = await syncModelVersions(handle.db, models);
    for (const key of drifted) {
      console.warn(`Model ${key} differs from the copy stored when it was first loaded; bump its version to publish changes.`);
    }
    return handle;
  })().catch((error) => {
    shared.ready = undefined;
    throw error;
  });
  return shared.ready;
}

/** When the server starts: a database or model problem stops it with a readable message. */
export async function startUpOrExit(): Promise<void> {
  try {
    const handle = await startUp();
    const { driver } = handle;
    if (driver === "pglite") shared.backup = openBackupEndpoint(env().STAVE_DATA_DIR, env().PORT);
    // Mail (and any other job) is sent by whichever instance claims it first.
    shared.jobs ??= await startJobRunner(handle, { mail: mailer().send, webhook: webhookSender(handle.db) });
    shared.sweeps ??= startSweeps(handle.db);
    console.log(`Stave is using ${driver === "postgres" ? "PostgreSQL (DATABASE_URL)" : "the embedded database"}.`);
    if (!mailer().configured) console.log("No SMTP server is configured (SMTP_URL): mail is kept on each organisation's outgoing mail page.");
  } catch (error) {
    console.error(`\nStave cannot start.\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
