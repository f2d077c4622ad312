import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { underBuildLock } from "../scripts/build-lock.mjs";

const lockModule = path.join(process.cwd(), "scripts", "build-lock.mjs");
let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A process that, under the lock, notes when it starts and ends a 400 ms "build". */
function builder(lockFile: string, log: string, name: string) {
  const script = `
    import { appendFileSync } from "node:fs";
    import { underBuildLock } from ${JSON.stringify(lockModule)};
    underBuildLock(${JSON.stringify(lockFile)}, () => {
      appendFileSync(${JSON.stringify(log)}, "start ${name}\\n");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
      appendFileSync(${JSON.stringify(log)}, "end ${name}\\n");
    }, { pollMs: 50 });`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: "ignore" });
  return new Promise<number | null>((resolve) => child.on("exit", resolve));
}

describe("underBuildLock", () => {
  it("lets three processes that start together build one after another, never at once", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "stave-build-lock-"));
    const [lockFile, log] = [path.join(dir, ".next.build-lock"), path.join(dir, "log")];
    expect(await Promise.all(["a", "b", "c"].map((name) => builder(lockFile, log, name)))).toEqual([0, 0, 0]);
    const lines = readFileSync(log, "utf8").trim().split("\n");
    expect(lines).toHaveLength(6);
    for (let i = 0; i < 6; i += 2) expect(lines[i + 1]).toBe(lines[i]!.replace("start", "end"));
    expect(existsSync(lockFile)).toBe(false);
  });

  it("takes over the lock of a builder that died, and frees it even when the build throws", () => {
    dir = mkdtempSync(path.join(tmpdir(), "stave-build-lock-"));
    const lockFile = path.join(dir, ".next.build-lock");
    writeFileSync(lockFile, "999999999"); // no such process
    expect(underBuildLock(lockFile, () => readFileSync(lockFile, "utf8"))).toBe(String(process.pid));
    expect(() =>
      underBuildLock(lockFile, () => {
        throw new Error("build failed");
      }),
    ).toThrow("build failed");
    expect(existsSync(lockFile)).toBe(false);
  });
});
