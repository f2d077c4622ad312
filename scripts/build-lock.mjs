// One build at a time per build folder, across processes: a lock file holding the builder's
// process id. Synchronous, like the build it guards, since `npm start` has nothing else to do meanwhile.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** The process id in the lock file; 0 when it is gone, or still empty for a moment after its creation. */
function holderOf(lockFile) {
  try {
    return Number(readFileSync(lockFile, "utf8").trim()) || 0;
  } catch {
    return 0;
  }
}

/** Runs `fn` holding `lockFile`, after waiting while a live process holds it; a dead holder's lock is taken over. */
export function underBuildLock(lockFile, fn, { pollMs = 500 } = {}) {
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const holder = holderOf(lockFile);
    const age = Date.now() - (statSync(lockFile, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (holder ? !alive(holder) : age > 2_000) {
      rmSync(lockFile, { force: true }); // its builder died mid-build
      continue;
    }
    if (holder && !announced) console.log(`Waiting for the build that process ${holder} is making…`);
    announced ||= Boolean(holder);
    sleep(holder ? pollMs : 50);
  }
  try {
    return fn();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
