import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataFolder, DataFolderInUseError, dataFolderHolder } from "./data-folder-lock";

const folders: string[] = [];
function folder() {
  const dir = mkdtempSync(path.join(tmpdir(), "stave-lock-"));
  folders.push(dir);
  return dir;
}
afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("acquireDataFolder", () => {
  it("claims a free folder with this process's PID and releases it", () => {
    const dir = folder();
    const release = acquireDataFolder(dir);
    expect(readFileSync(path.join(dir, "stave.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, "stave.lock"))).toBe(false);
  });

  it("refuses a folder held by another running process, naming it", () => {
    const dir = folder();
    // The parent of this test worker is alive for the whole test.
    writeFileSync(path.join(dir, "stave.lock"), String(process.ppid));
    expect(() => acquireDataFolder(dir)).toThrow(DataFolderInUseError);
    expect(() => acquireDataFolder(dir)).toThrow(`in use by another Stave process (PID ${process.ppid})`);
    expect(readFileSync(path.join(dir, "stave.lock"), "utf8")).toBe(String(process.ppid));
  });

  it("takes over a folder whose holder has ended", () => {
    const dir = folder();
    const ended = spawnSync(process.execPath, ["-e", "process.pid"]).pid!;
    writeFileSync(path.join(dir, "stave.lock"), String(ended));
    const release = acquireDataFolder(dir);
    expect(readFileSync(path.join(dir, "stave.lock"), "utf8")).toBe(String(process.pid));
    release();
  });
});

describe("dataFolderHolder", () => {
  it("names another running process that holds the folder, and no one otherwise", () => {
    const dir = folder();
    expect(dataFolderHolder(dir), "no lock").toBeUndefined();
    const release = acquireDataFolder(dir);
    expect(dataFolderHolder(dir), "held by this process").toBeUndefined();
    release();
    writeFileSync(path.join(dir, "stave.lock"), String(process.ppid));
    expect(dataFolderHolder(dir)).toBe(process.ppid);
    writeFileSync(path.join(dir, "stave.lock"), String(spawnSync(process.execPath, ["-e", "process.pid"]).pid!));
    expect(dataFolderHolder(dir), "its holder has ended").toBeUndefined();
    writeFileSync(path.join(dir, "stave.lock"), "not a pid");
    expect(dataFolderHolder(dir)).toBeUndefined();
  });
});
