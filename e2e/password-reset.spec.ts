import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, newAccount, signIn, signUpWithOrganisation } from "./fixtures";
import { useOwnServer } from "./own-server";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

const NEW_PASSWORD = "a new staircase of words";

async function requestReset(page: Page, email: string) {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send a reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account exists for" })).toBeVisible();
  return (await page.getByRole("status").filter({ hasText: "If an account exists for" }).innerText()).replace(email, "ADDRESS");
}

async function setNewPassword(page: Page, link: string, password: string, again = password) {
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(again);
  await page.getByRole("button", { name: "Set the new password" }).click();
}

test.describe("password reset through a real SMTP server", () => {
  let sink: SmtpSink;
  test.beforeAll(async ({}, testInfo) => {
    // Shifted like the own server's port, so checkouts and workers never share a sink.
    sink = await startSmtpSink(3411 + (Number(process.env.E2E_PORT ?? 3100) - 3100) + testInfo.workerIndex);
  });
  test.afterAll(() => sink?.close());
  const server = useOwnServer(3410, { env: () => ({ SMTP_URL: sink.url, MAIL_FROM: "Stave <stave@test.example>" }) });

  test("a mailed link sets a new password once, ends every session, and the old password stops working", async ({ browser }) => {
    test.setTimeout(120_000);
    const signedIn = await browser.newContext({ baseURL: server.baseURL() });
    const owner = await signedIn.newPage();
    const account = await signUpWithOrganisation(owner);

    const context = await browser.newContext({ baseURL: server.baseURL() });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expectAccessible(page);

    // The same answer whether or not the address has an account; only the account gets mail.
    const stranger = newAccount("Stranger").email;
    const answerForAccount = await requestReset(page, account.email);
    const answerForStranger = await requestReset(page, stranger);
    expect(answerForStranger).toBe(answerForAccount);
    await expectAccessible(page);

    await expect.poll(() => sink.mailTo(account.email, /Reset your Stave password/), { timeout: 20_000 }).toBeDefined();
    const mail = sink.mailTo(account.email)!;
    expect(mail.from).toBe("stave@test.example");
    const link = /http:\/\/localhost:\d+\/reset-password\/[\w-]+/.exec(mail.body)?.[0];
    expect(link).toBeDefined();
    expect(sink.mailTo(stranger)).toBeUndefined();

    // Two different passwords are refused before the link is used.
    await setNewPassword(page, link!, NEW_PASSWORD, "something else entirely");
    await expect(page.getByText("The two passwords differ.")).toBeVisible();
    await expectAccessible(page);
    await setNewPassword(page, link!, "short");
    await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

    await setNewPassword(page, link!, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/sign-in\?password=reset$/);
    await expect(page.getByRole("status").filter({ hasText: "Your password was changed" })).toBeVisible();

    // The session that was open before the change has ended.
    await owner.goto("/teams");
    await expect(owner).toHaveURL(/\/sign-in/);

    await signIn(page, { email: account.email, password: account.password });
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
    await signIn(page, { email: account.email, password: NEW_PASSWORD });
    await expect(page).toHaveURL(/\/teams$/);

    // The link works once.
    await context.clearCookies();
    await setNewPassword(page, link!, "yet another long password");
    await expect(page.getByText("This reset link has expired or was already used. Ask for a new one.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
    await signIn(page, { email: account.email, password: "yet another long password" });
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();

    await signedIn.close();
    await context.close();
  });
});

test.describe("password reset without SMTP", () => {
  test("the request page says to ask an admin, and owners see that mail is kept unsent", async ({ page }) => {
    await page.goto("/forgot-password");
    await expect(page.getByText("This Stave cannot send mail, so it cannot send you a reset link.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Send a reset link" })).toHaveCount(0);
    await expectAccessible(page);

    await signUpWithOrganisation(page);
    await page.goto("/organisation");
    await page.getByRole("link", { name: "See outgoing mail" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Outgoing mail" })).toBeVisible();
    await expect(page.getByText("No SMTP server is configured")).toBeVisible();
    await expect(page.getByText("No mail yet.")).toBeVisible();
    await expectAccessible(page);
  });
});
