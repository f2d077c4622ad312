import { existsSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { backUp, BackupError } from "@/db/backup";
import { env } from "@/lib/env";

// npm run backup -- FILE [--force]: a consistent backup of the embedded database, while Stave
// runs (the running server writes it) or while it is stopped. PostgreSQL has pg_dump for this.

const USAGE = "Usage: npm run backup -- FILE [--force]   (--force replaces an existing FILE)";

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const [file, ...extra] = args.filter((a) => a !== "--force");
  if (!file || extra.length > 0 || file.startsWith("-")) throw new BackupError(USAGE);
  const { DATABASE_URL, STAVE_DATA_DIR } = env();
  if (DATABASE_URL) {
    throw new BackupError(
      "Stave is set to use PostgreSQL (DATABASE_URL): back it up with pg_dump, as the README says. This command backs up the embedded database.",
    );
  }
  const target = path.resolve(file);
  if (existsSync(target) && !force) throw new BackupError(`${target} exists already. Choose another name, or add --force to replace it.`);
  const { bytes, from } = await backUp(path.resolve(STAVE_DATA_DIR));
  // Written beside its final name first, so a failed write never leaves a truncated backup under it.
  const partial = `${target}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, target);
  const size = `${(bytes.length / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `Backed up the embedded database in ${STAVE_DATA_DIR} to ${target} (${size}), ${from === "running" ? "written by the running Stave" : "while Stave was stopped"}.`,
  );
  console.log(`Restore it into an empty data folder with: npm run restore -- ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : `The backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
