import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { backUp, isBackupKey, restore } from "./backup";
import { openDb, queryRows } from "./client";

// The embedded database's backups, taken from a stopped folder here (the running server's way is
// the same dump, asked for over HTTP: e2e/backup.spec.ts).

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stave-backup-test-"));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data folder with Stave's tables and two organisations in it, closed again. */
async function filledFolder(): Promise<string> {
  const dir = folder();
  const handle = await openDb({ dataDir: dir });
  await handle.db.execute(sql`insert into organisations (name) values ('Acme'), ('Globex')`);
  await handle.close();
  return dir;
}

describe("backups of the embedded database", () => {
  it("restore into an empty folder with the same rows", { timeout: 60_000 }, async () => {
    const { bytes, from } = await backUp(await filledFolder());
    expect(from).toBe("folder");
    const target = folder();
    expect(await restore(target, bytes)).toEqual({ organisations: 2, teams: 0, assessments: 0 });
    const handle = await openDb({ dataDir: target });
    const rows = await queryRows<{ name: string }>(handle.db, sql`select name from organisations order by name`);
    await handle.close();
    expect(rows.map((r) => r.name)).toEqual(["Acme", "Globex"]);
  });

  it("refuse to restore over a database unless forced, and then move it aside", { timeout: 60_000 }, async () => {
    const source = await filledFolder();
    const { bytes } = await backUp(source);
    const target = await filledFolder();
    await expect(restore(target, bytes)).rejects.toThrow(/already holds a database.*--force/);
    const restored = await restore(target, bytes, { force: true });
    expect(restored.movedAside).toMatch(/pglite\.before-restore-/);
    expect(readdirSync(target)).toEqual(expect.arrayContaining(["pglite", path.basename(restored.movedAside!)]));
  });

  it("refuse what is not a backup, and leave nothing half-written", { timeout: 60_000 }, async () => {
    const target = folder();
    await expect(restore(target, new TextEncoder().encode("id: not a backup"))).rejects.toThrow("This file is not a Stave backup");
    await expect(restore(target, Uint8Array.from([0x1f, 0x8b, 1, 2, 3]))).rejects.toThrow("The backup could not be read");
    expect(readdirSync(target).filter((f) => f !== "stave.lock")).toEqual([]);
  });

  it("say when there is nothing to back up", async () => {
    await expect(backUp(folder())).rejects.toThrow(/There is no embedded database/);
  });

  it("are only written for the running server's own key", () => {
    const endpoint = { pid: 1, port: 3000, key: "k".repeat(43) };
    expect(isBackupKey(endpoint, "k".repeat(43))).toBe(true);
    expect(isBackupKey(endpoint, "k".repeat(42))).toBe(false);
    expect(isBackupKey(endpoint, null)).toBe(false);
    expect(isBackupKey(undefined, "anything")).toBe(false);
  });
});
