import { expect, test } from "@playwright/test";
import { createInvitationLink, joinByInvitation, nextAutosave, replayAutosave } from "./access";
import { createTeam, devopsCore, expectAccessible, signUpWithOrganisation, uniqueName } from "./fixtures";
import { QuestionnairePage } from "./questionnaire";

const model = devopsCore();
const firstQuestion = model.areas[0]!.questions[0]!;

test.describe("invitations", () => {
  test("invites a person by link, who joins with the invited role; the link works once", async ({ page, browser }) => {
    const owner = await signUpWithOrganisation(page);
    const link = await createInvitationLink(page, "Facilitator");
    await expectAccessible(page);

    const { page: guest, account } = await joinByInvitation(browser, link, "Guest");
    await expect(guest.getByTestId("active-organisation")).toHaveText(`Organisation: ${owner.organisation}`);

    await page.goto("/members");
    const row = page.getByRole("listitem").filter({ hasText: account.email });
    await expect(row.getByLabel(`Role of ${account.name}`)).toHaveValue("facilitator");
    await expect(page.getByRole("heading", { name: "Open invitations" })).toHaveCount(0);

    const third = await (await browser.newContext()).newPage();
    await third.goto(link);
    await expect(third.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();

    await page.goto("/audit");
    await expect(page.getByRole("cell", { name: /Joined by invitation as Facilitator/ })).toBeVisible();
    await expectAccessible(page);
  });

  test("a revoked invitation link cannot be used", async ({ page, browser }) => {
    await signUpWithOrganisation(page);
    const link = await createInvitationLink(page, "Viewer");
    await page.getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByRole("heading", { name: "Open invitations" })).toHaveCount(0);
    const guest = await (await browser.newContext()).newPage();
    await guest.goto(link);
    await expect(guest.getByText(/no longer valid/)).toBeVisible();
  });
});

test.describe("roles", () => {
  // What each role sees and can do, for a team it belongs to (Alpha) and one it does not (Beta).
  const table = [
    { role: "Admin", createTeam: true, startInOwnTeam: true, startInOtherTeam: true, members: true, audit: true },
    { role: "Facilitator", createTeam: false, startInOwnTeam: true, startInOtherTeam: true, members: false, audit: false },
    { role: "Member", createTeam: false, startInOwnTeam: true, startInOtherTeam: false, members: false, audit: false },
    { role: "Viewer", createTeam: false, startInOwnTeam: false, startInOtherTeam: false, members: false, audit: false },
  ];

  for (const row of table) {
    test(`a ${row.role.toLowerCase()} sees and does exactly what the role allows`, async ({ page, browser }) => {
      await signUpWithOrganisation(page);
      const alpha = await createTeam(page, uniqueName("Alpha"));
      const beta = await createTeam(page, uniqueName("Beta"));
      const { page: person, account } = await joinByInvitation(browser, await createInvitationLink(page, row.role), row.role);

      await page.goto(`/teams/${alpha}`);
      await page.getByLabel("Add a person").selectOption({ label: `${account.name} (${account.email})` });
      await page.getByRole("button", { name: "Add to team" }).click();
      await expect(page.getByRole("list", { name: "Team members" })).toContainText(account.name);

      await person.goto("/teams");
      await expect(person.getByRole("button", { name: "Create team" })).toHaveCount(row.createTeam ? 1 : 0);
      for (const [teamId, allowed] of [
        [alpha, row.startInOwnTeam],
        [beta, row.startInOtherTeam],
      ] as const) {
        await person.goto(`/teams/${teamId}`);
        await expect(person.getByRole("button", { name: "Start an assessment" })).toHaveCount(allowed ? 1 : 0);
      }
      expect((await person.goto("/members"))?.status()).toBe(row.members ? 200 : 404);
      expect((await person.goto("/audit"))?.status()).toBe(row.audit ? 200 : 404);
      await expect(person.getByRole("link", { name: "Members" })).toHaveCount(row.members ? 1 : 0);
    });
  }

  test("a viewer cannot answer, even by replaying an autosave request", async ({ page, browser }) => {
    await signUpWithOrganisation(page);
    const teamId = await createTeam(page, uniqueName("Gamma"));
    await page.getByRole("button", { name: "Start an assessment" }).click();
    const questionnaire = new QuestionnairePage(page, model);
    const saved = nextAutosave(page);
    await questionnaire.answer(firstQuestion, { kind: "level", level: 2 });
    const request = await saved;
    const questionnairePath = new URL(page.url()).pathname;

    const { page: viewer } = await joinByInvitation(browser, await createInvitationLink(page, "Viewer"), "Viewer");
    await viewer.goto(`/teams/${teamId}`);
    await expect(viewer.getByRole("link", { name: "Continue answering" })).toHaveCount(0);
    expect((await viewer.goto(questionnairePath))?.status()).toBe(404);
    const answer = await replayAutosave(viewer, request);
    expect(answer.status).toBe(403);
    expect(answer.text).toContain("You can only answer assessments of the teams you belong to.");
    expect(answer.text).not.toContain("savedAt");
  });

  test("an admin changes a member's role, and a removed member loses access on their next request", async ({ page, browser }) => {
    await signUpWithOrganisation(page);
    const { page: member, account } = await joinByInvitation(browser, await createInvitationLink(page, "Member"), "Leaver");
    await page.goto("/members");
    await page.getByLabel(`Role of ${account.name}`).selectOption({ label: "Admin" });
    await page.getByRole("button", { name: `Change role of ${account.name}` }).click();
    // The change is saved by a server action the page does not wait for: look until it has landed.
    await expect(async () => {
      await member.goto("/teams");
      await expect(member.getByRole("link", { name: "Members" })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await page.goto("/audit");
    await expect(page.getByRole("cell", { name: `Changed ${account.name}'s role from Member to Admin` })).toBeVisible();

    await page.goto("/members");
    await page.getByRole("button", { name: `Remove ${account.name}` }).click();
    await expect(page.getByRole("list", { name: "Members" })).not.toContainText(account.email);

    await member.goto("/teams");
    await expect(member).toHaveURL(/\/organisations\/new$/);
  });
});

test.describe("isolation between organisations", () => {
  test("another organisation's teams, assessments and answers are not found, through pages or replayed actions", async ({ page, browser }) => {
    await signUpWithOrganisation(page, "Alice");
    const teamId = await createTeam(page, uniqueName("Secret"));
    await page.getByRole("button", { name: "Start an assessment" }).click();
    await page.waitForURL(/\/assessments\/[^/]+$/);
    const assessmentPath = new URL(page.url()).pathname;
    const questionnaire = new QuestionnairePage(page, model);
    const saved = nextAutosave(page);
    await questionnaire.answer(firstQuestion, { kind: "level", level: 4 });
    const request = await saved;

    const other = await (await browser.newContext()).newPage();
    await signUpWithOrganisation(other, "Bob");
    for (const path of [`/teams/${teamId}`, assessmentPath, `${assessmentPath}/results`, `/teams/${teamId}/trend`]) {
      expect((await other.goto(path))?.status(), path).toBe(404);
    }
    const answer = await replayAutosave(other, request);
    expect(answer.status).toBe(404);
    expect(answer.text).toContain("The assessment was not found.");
    // The questions' text of an area, fetched as the questionnaire reaches it: Alice's, and no one else's.
    const area = model.areas[1]!;
    const areaPath = `${assessmentPath}/areas/${area.id}`;
    expect((await (await page.request.get(areaPath)).json()).map((q: { prompt: string }) => q.prompt)).toEqual(area.questions.map((q) => q.prompt));
    expect((await other.request.get(areaPath)).status()).toBe(404);
    expect((await page.request.get(`${assessmentPath}/areas/no-such-area`)).status()).toBe(404);
    const signedOut = await (await browser.newContext()).request.get(new URL(areaPath, page.url()).href);
    expect(signedOut.status()).toBe(401);

    // Alice's answer is untouched.
    await page.reload();
    await expect(questionnaire.group(firstQuestion).getByRole("radio", { name: "4 Managed" })).toBeChecked();
  });
});
