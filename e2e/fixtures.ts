import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { parseModel } from "../lib/model/parse";
import type { Model } from "../lib/model/schema";

/** Fails with the list of axe-core violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

let counter = 0;
/** Team names unique across runs, so tests never depend on each other's data. */
export const uniqueName = (prefix: string) => `${prefix} ${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createTeam(page: Page, name: string): Promise<string> {
  await page.goto("/teams");
  await page.getByLabel("Team name").fill(name);
  await page.getByRole("button", { name: "Create team" }).click();
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("/teams/")[1]!;
}

export function devopsCore(): Model {
  const file = path.join(__dirname, "..", "content", "models", "devops-core.yaml");
  const result = parseModel(readFileSync(file, "utf8"), file);
  if (!result.ok) throw new Error("devops-core.yaml does not parse");
  return result.model;
}

export const questionGroup = (page: Page, title: string) => page.getByRole("group", { name: new RegExp(`\\d+\\. ${title}:`) });
