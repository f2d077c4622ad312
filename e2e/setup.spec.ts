import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures";

test.describe("first visit", () => {
  test("names the organisation on the set-up page", async ({ page }) => {
    await page.goto("/");
    test.skip(!page.url().endsWith("/setup"), "this database was set up by an earlier run");

    await expect(page.getByRole("heading", { name: "Welcome to Stave" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Explore with demo data" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Set up Stave" }).click();
    await expect(page.getByText("Enter your organisation's name.")).toBeVisible();

    await page.getByLabel("Organisation name").fill("  Acme   Delivery  ");
    await page.getByRole("button", { name: "Set up Stave" }).click();
    await expect(page).toHaveURL(/\/teams$/);
    await expect(page.getByTestId("active-organisation")).toHaveText("Organisation: Acme Delivery");

    await page.goto("/setup");
    await expect(page).toHaveURL(/\/teams$/);
  });
});
