import { readFileSync } from "node:fs";
import path from "node:path";
import { BackupError, restore } from "@/db/backup";
import { env } from "@/lib/env";

// npm run restore -- FILE [--force]: restores a backup of the embedded database into the data
// folder (STAVE_DATA_DIR), which must be empty and not in use; --force moves a database already
// there aside rather than deleting it.

const USAGE = "Usage: npm run restore -- FILE [--force]   (--force moves a database already in the data folder aside)";

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const [file, ...extra] = args.filter((a) => a !== "--force");
  if (!file || extra.length > 0 || file.startsWith("-")) throw new BackupError(USAGE);
  const { DATABASE_URL, STAVE_DATA_DIR } = env();
  if (DATABASE_URL) {
    throw new BackupError(
      "Stave is set to use PostgreSQL (DATABASE_URL): restore it with pg_restore, as the README says. This command restores the embedded database.",
    );
  }
  let backup: Buffer;
  try {
    backup = readFileSync(path.resolve(file));
  } catch (error) {
    throw new BackupError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error)}.`);
  }
  const restored = await restore(path.resolve(STAVE_DATA_DIR), backup, { force });
  if (restored.movedAside) console.log(`Moved the database that was there to ${restored.movedAside}.`);
  console.log(
    `Restored ${file} into ${STAVE_DATA_DIR}: ${restored.organisations} organisation(s), ${restored.teams} team(s), ${restored.assessments} submitted assessment(s). Start Stave with npm start.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : `The restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
