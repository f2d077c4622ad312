import { readFileSync } from "node:fs";
import path from "node:path";
import { BackupError, restore } from "@/db/backup";
import { commandLine, run } from "./backup-args";

// npm run restore -- FILE [--force]: restores a backup of the embedded database into the data
// folder (STAVE_DATA_DIR), which must be empty and not in use; --force moves a database already
// there aside rather than deleting it.

const USAGE = "Usage: npm run restore -- FILE [--force]   (--force moves a database already in the data folder aside)";

async function main() {
  const { file, force, dataDir } = commandLine({ usage: USAGE, onPostgres: "restore it with pg_restore", does: "restores" });
  let backup: Buffer;
  try {
    backup = readFileSync(path.resolve(file));
  } catch (error) {
    throw new BackupError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error)}.`);
  }
  const restored = await restore(path.resolve(dataDir), backup, { force });
  if (restored.movedAside) console.log(`Moved the database that was there to ${restored.movedAside}.`);
  console.log(
    `Restored ${file} into ${dataDir}: ${restored.organisations} organisation(s), ${restored.teams} team(s), ${restored.assessments} submitted assessment(s). Start Stave with npm start.`,
  );
}

run("restore", main);
