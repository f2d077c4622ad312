import { BackupError } from "@/db/backup";
import { env } from "@/lib/env";

// What npm run backup and npm run restore share: FILE [--force] on the command line, the embedded
// database only (PostgreSQL has its own tools), and how a failure is told.

type Command = {
  usage: string;
  /** What PostgreSQL's tool does instead, e.g. "back it up with pg_dump". */
  onPostgres: string;
  /** What this command does, e.g. "backs up". */
  does: string;
};

/** The FILE and --force given, and the data folder: refused with the usage, or on PostgreSQL. */
export function commandLine({ usage, onPostgres, does }: Command, args = process.argv.slice(2)) {
  const force = args.includes("--force");
  const [file, ...extra] = args.filter((a) => a !== "--force");
  if (!file || extra.length > 0 || file.startsWith("-")) throw new BackupError(usage);
  const { DATABASE_URL, STAVE_DATA_DIR } = env();
  if (DATABASE_URL) {
    throw new BackupError(`Stave is set to use PostgreSQL (DATABASE_URL): ${onPostgres}, as the README says. This command ${does} the embedded database.`);
  }
  return { file, force, dataDir: STAVE_DATA_DIR };
}

/** Runs the command, telling a refusal as it is and anything else as a failure of `what`. */
export function run(what: "backup" | "restore", main: () => Promise<void>) {
  main().catch((error: unknown) => {
    console.error(error instanceof BackupError ? error.message : `The ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
