import { existsSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { backUp, BackupError } from "@/db/backup";
import { commandLine, run } from "./backup-args";

// npm run backup -- FILE [--force]: a consistent backup of the embedded database, while Stave
// runs (the running server writes it) or while it is stopped. PostgreSQL has pg_dump for this.

const USAGE = "Usage: npm run backup -- FILE [--force]   (--force replaces an existing FILE)";

async function main() {
  const { file, force, dataDir } = commandLine({ usage: USAGE, onPostgres: "back it up with pg_dump", does: "backs up" });
  const target = path.resolve(file);
  if (existsSync(target) && !force) throw new BackupError(`${target} exists already. Choose another name, or add --force to replace it.`);
  const { bytes, from } = await backUp(path.resolve(dataDir));
  // Written beside its final name first, so a failed write never leaves a truncated backup under it.
  const partial = `${target}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, target);
  const size = `${(bytes.length / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `Backed up the embedded database in ${dataDir} to ${target} (${size}), ${from === "running" ? "written by the running Stave" : "while Stave was stopped"}.`,
  );
  console.log(`Restore it into an empty data folder with: npm run restore -- ${file}`);
}

run("backup", main);
