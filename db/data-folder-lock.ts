import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

export class DataFolderInUseError extends Error {
  constructor(folder: string, pid: number) {
    super(
      `The data folder ${folder} is in use by another Stave process (PID ${pid}). ` + `Stop that process first, or point STAVE_DATA_DIR at another folder.`,
    );
    this.name = "DataFolderInUseError";
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The embedded database has no lock of its own, and two processes on one folder silently
 * diverge: claim the folder with a PID file, taking over only from a process that has ended.
 * Returns the release function.
 */
export function acquireDataFolder(folder: string): () => void {
  const lockFile = path.join(folder, "stave.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
      if (holder === process.pid) break;
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) throw new DataFolderInUseError(folder, holder);
      unlinkSync(lockFile);
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
