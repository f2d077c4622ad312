import { expect, test } from "@playwright/test";
import { signUpWithOrganisation, createTeam, expectAccessible, uniqueName } from "./fixtures";

test.describe("teams", () => {
  test.beforeEach(async ({ page }) => {
    await signUpWithOrganisation(page);
  });

  test("creates, renames, archives and restores a team", async ({ page }) => {
    const name = uniqueName("Payments");
    await createTeam(page, name);
    await expectAccessible(page);

    const renamed = `${name} Core`;
    await page.getByLabel("New name").fill(`  ${renamed} `);
    await page.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();

    await page.getByRole("button", { name: `Archive ${renamed}` }).click();
    await expect(page.getByText("Archived", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: /Start an assessment/ })).toHaveCount(0);

    await page.goto("/teams");
    await expect(page.getByRole("list", { name: "Active teams" }).getByRole("link", { name: renamed })).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole("button", { name: `Restore ${renamed}` }).click();
    await expect(page.getByRole("list", { name: "Active teams" }).getByRole("link", { name: renamed })).toBeVisible();
  });

  test("refuses a blank or duplicate name with a specific message", async ({ page }) => {
    const name = uniqueName("Search");
    await createTeam(page, name);
    await page.goto("/teams");

    await page.getByLabel("Team name").fill("   ");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByText("Enter a team name.")).toBeVisible();

    await page.getByLabel("Team name").fill(name.toUpperCase());
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByText("That name is already taken.")).toBeVisible();
    await expect(page.getByRole("link", { name: name.toUpperCase(), exact: true })).toHaveCount(0);
  });

  test("answers an unknown or malformed team id with not found", async ({ page }) => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id"]) {
      const response = await page.goto(`/teams/${id}`);
      expect(response?.status()).toBe(404);
    }
    const response = await page.goto("/teams/00000000-0000-4000-8000-000000000000/assessments/00000000-0000-4000-8000-000000000001/results");
    expect(response?.status()).toBe(404);
  });
});
