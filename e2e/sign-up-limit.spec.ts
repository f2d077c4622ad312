import { expect, test } from "@playwright/test";
import { expectAccessible, newAccount } from "./fixtures";
import { useOwnServer } from "./own-server";

test.describe("signing up from one address", () => {
  const server = useOwnServer(3472, { env: () => ({ STAVE_SIGN_UP_LIMIT: "3" }) });

  test("is limited per address, with a message that says when to try again", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: server.baseURL() });
    const page = await context.newPage();
    const signUp = async (label: string) => {
      const account = newAccount(label);
      await page.goto("/sign-up");
      await page.getByLabel("Your name").fill(account.name);
      await page.getByLabel("Email").fill(account.email);
      await page.getByLabel("Password").fill(account.password);
      await page.getByRole("button", { name: "Create account" }).click();
    };
    for (const label of ["First", "Second", "Third"]) {
      await signUp(label);
      await expect(page).toHaveURL(/\/organisations\/new$/);
      await context.clearCookies();
    }
    await signUp("Fourth");
    await expect(
      page.getByText(/^Too many accounts were created from your network\. Try again in \d+ minutes?, or ask someone to invite you\.$/),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/sign-up$/);
    await expectAccessible(page);
    await context.close();
  });
});
