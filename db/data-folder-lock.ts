import { readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

export class DataFolderInUseError extends Error {
  constructor(folder: string, pid: number) {
    super(
      `The data folder ${folder} is in use by another Stave process (PID ${pid}). ` + `Stop that process first, or point STAVE_DATA_DIR at another folder.`,
    );
    this.name = "DataFolderInUseError";
  }
}

const lockFileOf = (folder: string) => path.join(folder, "stave.lock");

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The PID the folder's lock names, if it names one. */
function lockHolder(folder: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFileOf(folder), "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The other running process that holds the data folder, if there is one: its lock names it. */
export function dataFolderHolder(folder: string): number | undefined {
  const pid = lockHolder(folder);
  return pid !== undefined && pid !== process.pid && isRunning(pid) ? pid : undefined;
}

/**
 * The embedded database has no lock of its own, and two processes on one folder silently
 * diverge: claim the folder with a PID file, taking over only from a process that has ended.
 * Returns the release function.
 */
export function acquireDataFolder(folder: string): () => void {
  const lockFile = lockFileOf(folder);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (lockHolder(folder) === process.pid) break;
      const holder = dataFolderHolder(folder);
      if (holder !== undefined) throw new DataFolderInUseError(folder, holder);
      rmSync(lockFile, { force: true });
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    try {
      if (readFileSync(lockFile, "utf8") === String(process.pid)) unlinkSync(lockFile);
    } catch {
      // already gone
    }
  };
  process.on("exit", release);
  return release;
}
