import { expect, test } from "@playwright/test";
import { nextServerAction } from "./access";
import { signUpWithOrganisation, createTeam, expectAccessible, uniqueName } from "./fixtures";

test.describe("teams", () => {
  let owner: Awaited<ReturnType<typeof signUpWithOrganisation>>;
  test.beforeEach(async ({ page }) => {
    owner = await signUpWithOrganisation(page);
  });

  test("lists many teams a page at a time, the viewer's own first, and finds one by name", async ({ page }) => {
    // 55 teams: the first through the form, the rest by sending its request again with another name.
    const prefix = uniqueName("Fleet");
    await page.goto("/teams");
    await page.getByLabel("Team name").fill(`${prefix} 01`);
    const sent = nextServerAction(page);
    await page.getByRole("button", { name: "Create team" }).click();
    const request = await sent;
    await expect(page.getByRole("link", { name: `${prefix} 01`, exact: true })).toBeVisible();
    const headers = request.headers();
    for (let i = 2; i <= 55; i++) {
      const body = request.postData()!.replace(`${prefix} 01`, `${prefix} ${String(i).padStart(2, "0")}`);
      const response = await page.request.post(request.url(), {
        headers: { "next-action": headers["next-action"]!, "content-type": headers["content-type"]!, origin: new URL(request.url()).origin },
        data: body,
      });
      expect(response.status()).toBe(200);
    }
    // The owner joins one team, which is then listed first as theirs.
    await page.goto("/teams?find=" + encodeURIComponent(`${prefix} 37`));
    await page
      .getByRole("list", { name: "Active teams" })
      .getByRole("link", { name: `${prefix} 37`, exact: true })
      .click();
    await page.getByLabel("Add a person").selectOption({ label: `${owner.name} (${owner.email})` });
    await page.getByRole("button", { name: "Add to team" }).click();
    await expect(page.getByRole("list", { name: "Team members" })).toContainText(owner.name);

    await page.goto("/teams");
    await expect(page.getByRole("list", { name: "Your teams" }).getByRole("heading")).toHaveText([`${prefix} 37`]);
    await expect(page.getByRole("list", { name: "Your teams" }).getByText("Your team", { exact: true })).toBeVisible();
    // Then every other team by name: the first page holds fifty in all, the viewer's own among them.
    await expect(page.getByRole("heading", { name: "Other teams" })).toBeVisible();
    const others = page.getByRole("list", { name: "Other teams" }).getByRole("heading");
    await expect(others).toHaveCount(49);
    await expect(others.first()).toHaveText(`${prefix} 01`);
    await expect(others.nth(35)).toHaveText(`${prefix} 36`);
    await expect(others.nth(36)).toHaveText(`${prefix} 38`);
    await expect(page.getByText("Teams 1–50 of 55")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("navigation", { name: "Team pages" }).getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/\/teams\?page=2$/);
    await expect(others).toHaveText([51, 52, 53, 54, 55].map((n) => `${prefix} ${n}`));
    await expect(page.getByRole("list", { name: "Your teams" })).toHaveCount(0);
    await expect(page.getByText("Teams 51–55 of 55")).toBeVisible();
    const listed = page.getByRole("list", { name: "Active teams" }).getByRole("heading");

    // Finding by part of the name, whatever its case; the search lives in the link.
    await page.getByRole("searchbox", { name: "Name has" }).fill(`${prefix.toUpperCase()} 0`);
    await page.getByRole("button", { name: "Find" }).click();
    await expect(page).toHaveURL(/\/teams\?find=/);
    await expect(listed).toHaveCount(9);
    await expect(page.getByRole("heading", { name: `Teams whose name has “${prefix.toUpperCase()} 0”`, exact: true })).toBeVisible();
    await expect(page.getByText("Teams 1–9 of 9")).toBeVisible();
    await expect(page.getByRole("list", { name: "Your teams" })).toHaveCount(0);
    await page.getByRole("searchbox", { name: "Name has" }).fill("no such team");
    await page.getByRole("button", { name: "Find" }).click();
    await expect(page.getByText("No team’s name has “no such team” in it.")).toBeVisible();
    await page.getByRole("link", { name: "Show every team" }).click();
    await expect(others).toHaveCount(49);

    // A link past the end, or a malformed one, says so and leads back.
    await page.goto("/teams?page=9");
    await page.getByRole("link", { name: "Go to the first page" }).click();
    await expect(page.getByText("Teams 1–50 of 55")).toBeVisible();
    await page.goto("/teams?page=two");
    await expect(page.getByText("This link’s team list cannot be shown: The page is a number.")).toBeVisible();
    await expectAccessible(page);
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
    await expect(page.getByRole("list", { name: "Active teams" }).getByRole("link", { name: renamed, exact: true })).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole("button", { name: `Restore ${renamed}` }).click();
    await expect(page.getByRole("list", { name: "Active teams" }).getByRole("link", { name: renamed, exact: true })).toBeVisible();
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
