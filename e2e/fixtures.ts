import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { loadModels, newestModel } from "../content/load-models";
import type { Model } from "../lib/model/schema";

/**
 * Fails with the list of axe-core violations on the page as it is now. It first waits for the
 * page's title: after a server action, Next streams the metadata in again, and for a moment the
 * document can be without one.
 */
export async function expectAccessible(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

let counter = 0;
/** Team names unique across runs, so tests never depend on each other's data. */
export const uniqueName = (prefix: string) => `${prefix} ${Date.now().toString(36)}${(counter++).toString(36)}`;

export const PASSWORD = "correct horse battery";

export type Account = { name: string; email: string; password: string };

export function newAccount(label = "Person"): Account {
  const id = uniqueName(label).replace(/\s+/g, "-").toLowerCase();
  return { name: `${label} ${id.split("-").pop()}`, email: `${id}@test.example`, password: PASSWORD };
}

/** Creates an account through the sign-up page; ends wherever the app sends a new account. */
export async function signUp(page: Page, account: Account, path = "/sign-up") {
  await page.goto(path);
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/\/sign-up/);
}

export async function signIn(page: Page, account: Pick<Account, "email" | "password">) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Settled: either signed in and sent on, or a message on the sign-in page.
  await expect.poll(async () => !new URL(page.url()).pathname.startsWith("/sign-in") || (await page.getByText(/incorrect|Too many/).isVisible())).toBe(true);
}

/** A new account that creates (and owns) a new organisation: every test starts from its own. */
export async function signUpWithOrganisation(page: Page, label = "Owner"): Promise<Account & { organisation: string }> {
  const account = newAccount(label);
  const organisation = uniqueName("Org");
  await signUp(page, account);
  await expect(page).toHaveURL(/\/organisations\/new$/);
  await page.getByLabel("Organisation name").fill(organisation);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/teams$/);
  return { ...account, organisation };
}

export async function createTeam(page: Page, name: string): Promise<string> {
  await page.goto("/teams");
  await page.getByLabel("Team name").fill(name);
  await page.getByRole("button", { name: "Create team" }).click();
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("/teams/")[1]!;
}

/** Creates an API token on the tokens page, with the scopes given beside the default one, and returns it (shown once). */
export async function createApiToken(page: Page, name: string, scopes: string[] = []): Promise<string> {
  await page.goto("/api-tokens");
  await page.getByLabel("Name", { exact: true }).fill(name);
  for (const scope of scopes) await page.getByRole("checkbox", { name: new RegExp(scope) }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  return page.getByLabel(`The token “${name}”`).inputValue();
}

/** DevOps Core at its newest version: the one a new assessment is started with. */
export function devopsCore(): Model {
  const core = newestModel(loadModels(path.join(__dirname, "..", "content", "models")), "devops-core");
  if (!core) throw new Error("DevOps Core is not among the shipped models");
  return core;
}

export const questionGroup = (page: Page, title: string) => page.getByRole("group", { name: new RegExp(`\\d+\\. ${title}:`) });

/**
 * Full-page screenshots for looking at, at a laptop's and a phone's width, taken only when the
 * environment variable names a folder (e.g. PRIVACY_SCREENSHOTS=/tmp/shots); the viewport is put
 * back to the default after.
 */
export function screenshotsTo(variable: string) {
  return async function shots(page: Page, name: string) {
    const folder = process.env[variable];
    if (!folder) return;
    for (const [w, h] of [
      [1366, 768],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `${folder}/${name}-${w}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  };
}
