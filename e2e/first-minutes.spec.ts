import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures";
import { useOwnServer } from "./own-server";

// A newcomer on a brand-new installation: its own server on an empty embedded database, since the
// shared test server has had its first account long ago.
test.describe("the newcomer's first minutes", () => {
  const server = useOwnServer(3150);

  test("explores the demo with one click per role; the account form steps back and says what it would do", async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ baseURL: server.baseURL() });
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
    await expect(page.getByRole("list", { name: "Active teams" }).getByTestId("team-card")).toHaveCount(24);

    // Coming back later: the sign-in page offers the same one-click sign-ins.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Explore the demo" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Sign in as the member" }).click();
    await expect(page).toHaveURL(/\/teams$/);
    await expect(page.getByRole("link", { name: "Marco Member" })).toBeVisible();
    // The member lands on their own team first, marked as theirs.
    await expect(page.getByRole("list", { name: "Your teams" }).getByRole("heading")).toHaveText(["Payments"]);
    await context.close();
  });
});
