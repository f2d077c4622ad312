import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { useOwnServer } from "./own-server";

const run = promisify(execFile);

/** `npm run backup` or `npm run restore` on the server's data folder, as an operator types it: its output and exit code. */
async function npmRun(script: "backup" | "restore", dataDir: string, ...args: string[]): Promise<{ out: string; code: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, STAVE_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run("npm", ["run", "-s", script, "--", ...args], { env, timeout: 120_000 });
    return { out: stdout + stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { out: failed.stdout + failed.stderr, code: failed.code };
  }
}

/** What a reader of the demo sees on the pages a backup must bring back: the dashboard's headline and a team's trend figures. */
async function figures(page: Page): Promise<{ dashboard: string; trend: string; teams: number }> {
  await page.goto("/dashboard");
  const dashboard = await page.getByTestId("dashboard-headline").innerText();
  await page.goto("/teams");
  const teams = await page.getByRole("list", { name: "Active teams" }).getByTestId("team-card").count();
  await page.getByRole("link", { name: "Payments", exact: true }).first().click();
  await page.getByRole("link", { name: "Trend over time" }).first().click();
  const trend = await page.getByRole("table", { name: /water level and weakest stave/ }).innerText();
  return { dashboard, trend, teams };
}

// Backups of the embedded database: written while Stave runs, restored into an empty folder, and
// the same pages and figures afterwards.
test.describe("backing up and restoring the embedded database", () => {
  const server = useOwnServer(3290);
  const folder = mkdtempSync(path.join(tmpdir(), "stave-backups-"));
  test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test("a backup written while Stave runs restores the same pages and figures, and nothing later", async ({ browser }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ baseURL: server.baseURL() });
    const page = await context.newPage();
    await page.goto("/sign-up");
    await page.getByRole("button", { name: "Explore with demo data" }).click();
    await page.getByRole("button", { name: "Sign in as the owner" }).click();
    await expect(page).toHaveURL(/\/teams$/);
    const before = await figures(page);
    expect(before.teams).toBe(24);

    const file = path.join(folder, "stave.backup");
    const backedUp = await npmRun("backup", server.dataDir(), file);
    expect(backedUp.out).toContain("written by the running Stave");
    expect(backedUp.code).toBe(0);
    // Not over an existing file, and never into a folder Stave is using.
    expect(await npmRun("backup", server.dataDir(), file)).toMatchObject({ code: 1, out: expect.stringContaining("exists already") });
    expect(await npmRun("restore", server.dataDir(), file, "--force")).toMatchObject({ code: 1, out: expect.stringContaining("Stop it before restoring") });

    // A change after the backup, which the restore must not bring back.
    await page.goto("/teams");
    await page.getByLabel("Team name").fill("Made after the backup");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByRole("link", { name: "Made after the backup", exact: true })).toBeVisible();

    await server.stop();
    rmSync(server.dataDir(), { recursive: true, force: true });
    const restored = await npmRun("restore", server.dataDir(), file);
    expect(restored.out).toContain("1 organisation(s), 24 team(s), 168 submitted assessment(s)");
    expect(restored.code).toBe(0);
    // Restoring again over it is refused without --force.
    expect(await npmRun("restore", server.dataDir(), file)).toMatchObject({ code: 1, out: expect.stringContaining("already holds a database") });
    await server.start();

    // The session from before the backup is in it: the same person, the same pages.
    const after = await figures(page);
    expect(after).toEqual(before);
    await page.goto("/teams");
    await expect(page.getByRole("link", { name: "Made after the backup", exact: true })).toHaveCount(0);
    await context.close();
  });
});
