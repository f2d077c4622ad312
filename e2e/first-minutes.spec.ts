import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures";

// A newcomer on a brand-new installation: its own server on an empty embedded database, since the
// shared test server has had its first account long ago.
test.describe("the newcomer's first minutes", () => {
  let server: ChildProcess | undefined;
  let dataDir = "";
  let baseURL = "";

  test.beforeAll(async ({}, testInfo) => {
    test.setTimeout(120_000);
    const port = 3150 + testInfo.workerIndex;
    baseURL = `http://localhost:${port}`;
    dataDir = mkdtempSync(path.join(tmpdir(), "stave-first-run-"));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), STAVE_DATA_DIR: dataDir, NEXT_DIST_DIR: ".next-e2e", NODE_ENV: "production" };
    delete env.DATABASE_URL;
    server = spawn(process.execPath, [path.join(process.cwd(), "scripts", "serve.mjs")], { env, stdio: "ignore" });
    await expect
      .poll(async () => (await fetch(`${baseURL}/api/ready`).catch(() => undefined))?.status, { timeout: 90_000, intervals: [250] })
      .toBe(200);
  });

  test.afterAll(async () => {
    server?.kill("SIGTERM");
    await new Promise((resolve) => server?.once("exit", resolve) ?? resolve(undefined));
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("explores the demo with one click per role; the account form steps back and says what it would do", async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();

    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-up$/);
    await page.getByRole("button", { name: "Explore with demo data" }).click();
    await expect(page.getByRole("heading", { name: "The demo is ready" })).toBeVisible();
    // The first-account form gave way to the demo, and says creating an account starts a separate organisation.
    await expect(page.getByRole("button", { name: "Create account" })).toHaveCount(0);
    await expect(page.getByText("Creating an account starts a new, separate organisation")).toBeVisible();
    await expect(page.getByText("Marco Member, in team Payments")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Create my own account" }).click();
    await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();

    await page.getByRole("button", { name: "Sign in as the facilitator" }).click();
    await expect(page).toHaveURL(/\/teams$/);
    await expect(page.getByRole("link", { name: "Fatima Facilitator" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Active teams" }).getByRole("link")).toHaveCount(6);

    // Coming back later: the sign-in page offers the same one-click sign-ins.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Explore the demo" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Sign in as the member" }).click();
    await expect(page).toHaveURL(/\/teams$/);
    await expect(page.getByRole("link", { name: "Marco Member" })).toBeVisible();
    await context.close();
  });
});
