import { expect, test } from "@playwright/test";
import { createTeam, expectAccessible, newAccount, signIn, signUp, signUpWithOrganisation, uniqueName } from "./fixtures";

test.describe("signing in", () => {
  test("answers a wrong password and an unknown account alike, then limits attempts per account", async ({ page, browser }) => {
    const account = newAccount("Careful");
    await signUp(page, account);
    await page.context().clearCookies();

    await signIn(page, { email: `nobody-${account.email}`, password: account.password });
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
    await expectAccessible(page);
    for (let i = 0; i < 8; i++) {
      await signIn(page, { email: account.email, password: "not the password" });
      await expect(page.getByRole("status").filter({ hasText: /incorrect|Too many/ })).toBeVisible();
    }
    await signIn(page, { email: account.email, password: account.password });
    await expect(page.getByText(/Too many sign-in attempts\. Try again in \d+ minutes?\./)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);

    // Another account from the same place is not locked out.
    const other = newAccount("Other");
    const fresh = await (await browser.newContext()).newPage();
    await signUp(fresh, other);
    await fresh.context().clearCookies();
    await signIn(fresh, other);
    await expect(fresh).toHaveURL(/\/organisations\/new$/);
  });

  test("sends signed-out visitors to sign in, and sets a session cookie only the server can read", async ({ page, context }) => {
    const response = await page.goto("/teams");
    await expect(page).toHaveURL(/\/sign-in$/);
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["permissions-policy"]).toContain("camera=()");

    await signUpWithOrganisation(page);
    const session = (await context.cookies()).find((c) => c.name.endsWith("session_token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/teams");
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});

test.describe("account", () => {
  test("changing the password ends the account's other sessions", async ({ page, browser }) => {
    const owner = await signUpWithOrganisation(page);
    const elsewhere = await (await browser.newContext()).newPage();
    await signIn(elsewhere, owner);
    await expect(elsewhere).toHaveURL(/\/teams$/);

    await page.goto("/account");
    await expectAccessible(page);
    await page.getByLabel("Current password").fill("wrong password!");
    await page.getByLabel("New password").fill("a brand new passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("The current password is not right.")).toBeVisible();

    await page.getByLabel("Current password").fill(owner.password);
    await page.getByLabel("New password").fill("a brand new passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Password changed. Other sessions were signed out.")).toBeVisible();

    await elsewhere.goto("/teams");
    await expect(elsewhere).toHaveURL(/\/sign-in$/);
    await page.goto("/teams");
    await expect(page).toHaveURL(/\/teams$/);
    await signIn(elsewhere, { email: owner.email, password: "a brand new passphrase" });
    await expect(elsewhere).toHaveURL(/\/teams$/);
  });

  test("a person in several organisations switches between them and always sees which is active", async ({ page }) => {
    const first = await signUpWithOrganisation(page);
    const firstTeam = uniqueName("First team");
    await createTeam(page, firstTeam);

    await page.goto("/account");
    await page.getByRole("link", { name: "Create another organisation" }).click();
    const second = uniqueName("Client");
    await page.getByLabel("Organisation name").fill(second);
    await page.getByRole("button", { name: "Create organisation" }).click();
    await expect(page).toHaveURL(/\/teams$/);
    const switcher = page.getByLabel("Organisation", { exact: true });
    await expect(switcher.locator("option:checked")).toHaveText(second);
    await expect(page.getByRole("link", { name: firstTeam, exact: true })).toHaveCount(0);
    await expectAccessible(page);

    await switcher.selectOption({ label: first.organisation });
    await expect(page.getByRole("link", { name: firstTeam, exact: true })).toBeVisible();
    await expect(switcher.locator("option:checked")).toHaveText(first.organisation);
  });
});
