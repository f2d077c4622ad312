import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, newAccount, signUp, signUpWithOrganisation } from "./fixtures";
import { useOwnServer } from "./own-server";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

const MAIL_FIELD = "Mail the link to (optional)";

/** The outgoing mail page's row of the mail to `to`, read afresh. */
async function outboxRow(page: Page, to: string): Promise<string> {
  await page.goto("/organisation/outbox");
  const row = page.getByRole("listitem").filter({ hasText: to });
  return (await row.count()) === 1 ? row.innerText() : "";
}

test.describe("an invitation by mail through a real SMTP server", () => {
  let sink: SmtpSink;
  test.beforeAll(async ({}, testInfo) => {
    // Shifted like the own server's port, so checkouts and workers never share a sink.
    sink = await startSmtpSink(3471 + (Number(process.env.E2E_PORT ?? 3100) - 3100) + testInfo.workerIndex);
  });
  test.afterAll(() => sink?.close());
  const server = useOwnServer(3470, { env: () => ({ SMTP_URL: sink.url, MAIL_FROM: "Stave <stave@test.example>" }) });

  test("the invitee opens the link from the mail and joins with the invited role", async ({ browser }) => {
    test.setTimeout(120_000);
    const ownerContext = await browser.newContext({ baseURL: server.baseURL() });
    const page = await ownerContext.newPage();
    const owner = await signUpWithOrganisation(page);
    const invitee = newAccount("Invitee");

    await page.goto("/members");
    await expect(page.getByText("Leave it empty to copy the link and send it yourself.")).toBeVisible();
    await page.getByLabel("Role", { exact: true }).selectOption({ label: "Facilitator" });
    await page.getByLabel(MAIL_FIELD).fill("not an address");
    await page.getByRole("button", { name: "Create invitation link" }).click();
    // The browser itself refuses what is not an address; nothing is created.
    expect(await page.getByLabel(MAIL_FIELD).evaluate((input: HTMLInputElement) => input.validity.typeMismatch)).toBe(true);
    await expect(page.getByRole("heading", { name: "Open invitations" })).toHaveCount(0);

    await page.getByLabel(MAIL_FIELD).fill(invitee.email);
    await page.getByRole("button", { name: "Create invitation link" }).click();
    await expect(page.getByRole("status").filter({ hasText: `The link is being mailed to ${invitee.email}.` })).toBeVisible();
    const shown = await page.getByLabel(/^Invitation link for a/).inputValue();
    await expectAccessible(page);

    await expect.poll(() => sink.mailTo(invitee.email, /invites you to/), { timeout: 20_000 }).toBeDefined();
    const mail = sink.mailTo(invitee.email)!;
    expect(mail.subject).toBe(`${owner.name} invites you to ${owner.organisation} on Stave`);
    const link = /http:\/\/localhost:\d+\/invite\/[\w-]+/.exec(mail.body)?.[0];
    expect(link).toBe(shown);

    const inviteeContext = await browser.newContext({ baseURL: server.baseURL() });
    const guest = await inviteeContext.newPage();
    await guest.goto(link!);
    await guest.getByRole("link", { name: "Create an account" }).click();
    await expect(guest).toHaveURL(/\/sign-up\?next=/);
    await signUp(guest, invitee, guest.url());
    await expect(guest).toHaveURL(/\/invite\//);
    await guest.getByRole("button", { name: "Accept and join" }).click();
    await expect(guest).toHaveURL(/\/teams$/);
    await guest.goto("/account");
    await expect(guest.getByText(`${owner.organisation} · Facilitator`)).toBeVisible();

    // The mail is the organisation's: its owner reads it, sent, on the outgoing mail page.
    await expect.poll(() => outboxRow(page, invitee.email), { timeout: 20_000 }).toContain("Sent");
    await ownerContext.close();
    await inviteeContext.close();
  });
});

test.describe("an invitation without SMTP", () => {
  test("the page says the link must be copied, and the mail waits unsent on the outgoing mail page", async ({ page }) => {
    await signUpWithOrganisation(page);
    await page.goto("/members");
    await expect(page.getByText("This Stave cannot send mail (no SMTP server is configured)")).toBeVisible();
    const invitee = newAccount("Unmailed").email;
    await page.getByLabel(MAIL_FIELD).fill(invitee);
    await page.getByRole("button", { name: "Create invitation link" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `Not mailed: this Stave cannot send mail. Copy the link below and send it to ${invitee} yourself.` }),
    ).toBeVisible();
    await expect(page.getByLabel(/^Invitation link for a/)).toHaveValue(/\/invite\//);
    await expectAccessible(page);

    await expect.poll(() => outboxRow(page, invitee), { timeout: 20_000 }).toContain("Not sent: no SMTP configured");
  });
});
