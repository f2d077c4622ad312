import { boot } from "./boot";

/** Runs once when the server starts: a database or model problem stops it with a readable message. */
export async function startUp() {
  try {
    const { driver } = await boot();
    console.log(`Stave is using ${driver === "postgres" ? "PostgreSQL (DATABASE_URL)" : "the embedded database"}.`);
  } catch (error) {
    console.error(`\nStave cannot start.\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
