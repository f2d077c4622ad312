import { expect, test } from "@playwright/test";
import { unsubscribeToken } from "../lib/unsubscribe-token";
import { createInvitationLink, joinByInvitation } from "./access";
import { expectAccessible, signUpWithOrganisation } from "./fixtures";
import { useOwnServer } from "./own-server";

// The server's secret is the test's, so the test can make the link a reminder mail carries.
const SECRET = "reminders-spec-secret-of-at-least-32-characters";

test.describe("reminder choices", () => {
  const server = useOwnServer(3473, { env: () => ({ BETTER_AUTH_SECRET: SECRET }) });

  test("a person chooses reminders on the account page, and a mail's link stops one kind without signing in", async ({ browser }) => {
    test.setTimeout(120_000);
    const ownerContext = await browser.newContext({ baseURL: server.baseURL() });
    const owner = await ownerContext.newPage();
    await signUpWithOrganisation(owner);
    const { page, account } = await joinByInvitation(browser, await createInvitationLink(owner, "Member"), "Member");
    const account$ = `${server.baseURL()}/account`;

    await page.goto(account$);
    const reminders = page.getByRole("region", { name: "Reminders by mail" });
    const assessmentDue = reminders.getByRole("checkbox", { name: "Assessment due" });
    const actionDue = reminders.getByRole("checkbox", { name: "Improvement action due" });
    await expect(assessmentDue).toBeChecked();
    await expect(actionDue).toBeChecked();
    // The leadership digest is offered to those who read across teams (the owner), not to a member.
    await expect(reminders.getByRole("checkbox", { name: "Most common weakest stave changed" })).toHaveCount(0);
    await owner.goto("/account");
    await expect(owner.getByRole("checkbox", { name: "Most common weakest stave changed" })).toBeChecked();
    await expectAccessible(page);

    await actionDue.uncheck();
    await reminders.getByRole("button", { name: "Save reminder choices" }).click();
    await expect(reminders.getByRole("status").filter({ hasText: "Your reminder choices are saved." })).toBeVisible();
    await page.reload();
    await expect(actionDue).not.toBeChecked();
    await expect(assessmentDue).toBeChecked();

    // The link in a reminder mail, opened where nobody is signed in.
    await owner.goto("/members");
    const userId = await owner.getByRole("listitem").filter({ hasText: account.email }).locator('input[name="userId"]').first().inputValue();
    const link = `${server.baseURL()}/unsubscribe/${unsubscribeToken(SECRET, userId, "assessment-due")}`;
    const mailReader = await (await browser.newContext()).newPage();
    await mailReader.goto(link);
    await expect(mailReader.getByRole("heading", { level: 1, name: "Reminders stopped" })).toBeVisible();
    await expect(mailReader.getByText("You will get no more “Assessment due” reminders from Stave.")).toBeVisible();
    await expectAccessible(mailReader);
    await page.reload();
    await expect(assessmentDue).not.toBeChecked();

    // Opened by mistake (or by a mail scanner): one click turns it back on.
    await mailReader.getByRole("button", { name: "Turn them back on" }).click();
    await expect(mailReader.getByText("Assessment due reminders are on again.")).toBeVisible();
    await page.reload();
    await expect(assessmentDue).toBeChecked();

    // A link made with another secret, or changed, stops nothing.
    await mailReader.goto(`${server.baseURL()}/unsubscribe/${unsubscribeToken("another secret entirely, also long enough", userId, "assessment-due")}`);
    await expect(mailReader.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
    await page.reload();
    await expect(assessmentDue).toBeChecked();
    await ownerContext.close();
  });
});
