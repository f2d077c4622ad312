import { expect, test, type Page } from "@playwright/test";
import type { AnswerValue } from "../lib/answer";
import { createInvitationLink, joinByInvitation } from "./access";
import { createTeam, expectAccessible, signUpWithOrganisation, uniqueName } from "./fixtures";
import { publishOwnModel, type OwnModelSpec } from "./own-model";
import { startAssessment } from "./questionnaire";

// Where people land (/teams): their own teams first and marked, each card with its latest barrel in
// small and what is waiting for the team; a new organisation's first steps; invitations that name teams.

// A tiny own model keeps the questionnaire to a few clicks.
const spec: OwnModelSpec = { version: "1.0.0", levels: 3, areas: { build: ["b1", "b2"], alerts: ["a1"] } };

/** The card of a team on /teams, in the list with that name. */
const cardIn = (page: Page, list: string, team: string) =>
  page
    .getByRole("list", { name: list })
    .getByTestId("team-card")
    .filter({ has: page.getByRole("heading", { name: team, exact: true }) });

const quarterNow = () => `Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;

test.describe("landing on the teams page", () => {
  test("a member lands on their own team first, marked, with what is waiting for it", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const owner = await signUpWithOrganisation(page);
    const model = await publishOwnModel(page, spec);
    const names = ["Alpha", "Mobile", "Zulu"].map((n) => uniqueName(n));
    const ids = [];
    for (const name of names) ids.push(await createTeam(page, name));
    const [, , zulu] = names;
    const link = await createInvitationLink(page, "Member");

    // In no team yet: the member is told who can add them.
    const { page: member, account } = await joinByInvitation(browser, link, "Member");
    await expect(member.getByTestId("not-in-a-team")).toHaveText(
      `You are not in a team yet. Ask ${owner.name} to add you to your team. Until then you can look at every team’s results.`,
    );
    await expect(member.getByRole("list", { name: "Your teams" })).toHaveCount(0);
    await expect(member.getByRole("heading", { name: "All teams" })).toBeVisible();

    // Added to the last team by name, the member finds it first, marked as theirs.
    await page.goto(`/teams/${ids[2]}`);
    await page.getByLabel("Add a person").selectOption({ label: `${account.name} (${account.email})` });
    await page.getByRole("button", { name: "Add to team" }).click();
    await expect(page.getByRole("list", { name: "Team members" })).toContainText(account.name);
    await member.goto("/teams");
    await expect(member.getByRole("heading", { level: 2 }).first()).toHaveText("Your teams");
    await expect(member.getByTestId("not-in-a-team")).toHaveCount(0);
    const own = cardIn(member, "Your teams", zulu!);
    await expect(own.getByText("Your team", { exact: true })).toBeVisible();
    await expect(member.getByRole("list", { name: "Other teams" }).getByRole("heading")).toHaveText([names[0]!, names[1]!]);
    await expect(cardIn(member, "Other teams", names[0]!).getByText("Your team", { exact: true })).toHaveCount(0);
    // Never assessed: no due date, but the way to start the first.
    await expect(own.getByTestId("team-waiting")).toHaveText("Not assessed yet — start the first assessment of " + zulu);
    await expect(cardIn(member, "Other teams", names[0]!).getByTestId("team-waiting")).toHaveText("Not assessed yet");
    await expectAccessible(member);

    // An open assessment: the card says how far the team is and leads straight to it.
    await own.getByRole("link", { name: /start the first/ }).click();
    await expect(member).toHaveURL(new RegExp(`/teams/${ids[2]}$`));
    await expect(member.getByRole("heading", { level: 1, name: zulu })).toBeVisible();
    const questionnaire = await startAssessment(member, model);
    const draftUrl = member.url();
    await questionnaire.answer(model.areas[0]!.questions[0]!, { kind: "level", level: 2 } as AnswerValue);
    await member.goto("/teams");
    await expect(own.getByTestId("team-waiting")).toHaveText(`Your team’s ${quarterNow()} assessment is open: 1 of 3 answered — continue ${zulu}’s assessment`);
    // Nobody outside the team sees the draft on the card.
    await page.goto("/teams");
    await expect(cardIn(page, "Active teams", zulu!).getByTestId("team-waiting")).toContainText("The team’s"); // an owner may see drafts
    await own.getByRole("link", { name: /continue/ }).click();
    await expect(member).toHaveURL(draftUrl);
    await member.context().close();
  });

  test("an invitation naming a team makes the new member a member of it", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const owner = await signUpWithOrganisation(page);
    const payments = uniqueName("Payments");
    const search = uniqueName("Search");
    await createTeam(page, payments);
    await createTeam(page, search);

    // Another organisation's team, for the refusal below.
    const strangerContext = await browser.newContext();
    const stranger = await strangerContext.newPage();
    await signUpWithOrganisation(stranger, "Stranger");
    const theirTeam = await createTeam(stranger, uniqueName("Theirs"));
    await strangerContext.close();

    await page.goto("/members");
    const teams = page.getByRole("group", { name: "Teams to join (optional)" });
    await expect(teams.getByRole("checkbox")).toHaveCount(2);
    await expectAccessible(page);

    // Bad input: a malformed team id, and a team of another organisation; each says what is wrong and writes nothing.
    const box = teams.getByRole("checkbox", { name: search });
    await box.check();
    await box.evaluate((el) => el.setAttribute("value", "not-a-team"));
    await page.getByRole("button", { name: "Create invitation link" }).click();
    await expect(page.getByText("One of the chosen teams is not a team id. Choose the teams from the list.")).toBeVisible();
    // The refused form keeps its ticks.
    await expect(box).toBeChecked();
    await box.evaluate((el, id) => el.setAttribute("value", id), theirTeam);
    await page.getByRole("button", { name: "Create invitation link" }).click();
    await expect(page.getByText(/One of the chosen teams is not a team of this organisation/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Open invitations" })).toHaveCount(0);
    await page.reload();

    // Keyboard: tick the team with the space bar.
    await teams.getByRole("checkbox", { name: payments }).focus();
    await page.keyboard.press("Space");
    await expect(teams.getByRole("checkbox", { name: payments })).toBeChecked();
    await page.getByRole("button", { name: "Create invitation link" }).click();
    const linkField = page.getByLabel(`Invitation link for a member, joining the team ${payments} (shown once)`);
    await expect(linkField).toHaveValue(/\/invite\//);
    const link = await linkField.inputValue();
    await expect(page.getByRole("list").filter({ hasText: "created" })).toContainText(`Joins the team ${payments}`);
    await expect(teams.getByRole("checkbox", { name: payments })).not.toBeChecked();

    // The invitation page says which team; accepting puts the person in it.
    const guestContext = await browser.newContext();
    const guest = await guestContext.newPage();
    await guest.goto(link);
    await expect(guest.getByTestId("invitation-offer")).toHaveText(`You will join ${owner.organisation} as a member, in the team ${payments}.`);
    await expectAccessible(guest);
    await guestContext.close();
    const { page: member } = await joinByInvitation(browser, link, "Newcomer");
    await expect(cardIn(member, "Your teams", payments).getByText("Your team", { exact: true })).toBeVisible();
    await expect(member.getByRole("list", { name: "Other teams" }).getByRole("heading")).toHaveText([search]);
    await expect(member.getByTestId("not-in-a-team")).toHaveCount(0);
    await member.context().close();
  });

  test("a new organisation's first steps are ticked off one by one, then the list goes", async ({ page }) => {
    test.setTimeout(120_000);
    await signUpWithOrganisation(page);
    const steps = page.getByRole("list", { name: "First steps" });
    const step = (key: string) => steps.locator(`[data-step="${key}"]`);
    await expect(page.getByRole("heading", { name: "First steps" })).toBeVisible();
    await expect(page.getByText("0 of 4 done.")).toBeVisible();
    await expect(step("teamCreated").getByRole("link", { name: "Create one below" })).toHaveAttribute("href", "#create-team");
    await expect(step("peopleInvited").getByRole("link", { name: "Create an invitation link" })).toHaveAttribute("href", "/members");
    await expectAccessible(page);

    // An empty dashboard says what will appear instead of drawing empty charts.
    await page.goto("/dashboard");
    await expect(page.getByTestId("no-aggregates-yet")).toContainText("appear here once a team submits its first assessment");
    await expect(page.getByRole("img", { name: /Median water level per quarter/ })).toHaveCount(0);

    const model = await publishOwnModel(page, spec);
    const team = uniqueName("Payments");
    const teamId = await createTeam(page, team);
    // The team page: not assessed yet, and no empty barrel.
    await expect(page.getByTestId("team-due")).toHaveText("Every quarter · Not assessed yet — start the first");
    await expect(page.getByTestId("no-result-yet")).toHaveText("The barrel appears here once the team submits its first assessment. Start one above.");
    await page.goto(`/teams/${teamId}/trend`);
    await expect(page.getByTestId("no-trend-yet")).toHaveText(
      "Each area and the water level over time appear here once the team submits its first assessment: start one on the team’s page.",
    );
    await page.goto("/teams");
    await expect(step("teamCreated")).toContainText("— done");
    await expect(step("teamCreated").getByRole("link")).toHaveCount(0);
    await expect(page.getByText("1 of 4 done.")).toBeVisible();
    await expect(step("assessmentSubmitted").getByRole("link", { name: "Start one on the team’s page" })).toHaveAttribute("href", `/teams/${teamId}`);

    await createInvitationLink(page, "Viewer");
    await page.goto("/teams");
    await expect(step("peopleInvited")).toContainText("— done");
    await expect(page.getByText("2 of 4 done.")).toBeVisible();

    await step("assessmentSubmitted").getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: team })).toBeVisible();
    const questionnaire = await startAssessment(page, model);
    await questionnaire.answerAll(new Map(model.areas.flatMap((a) => a.questions.map((q) => [q.id, { kind: "level", level: 2 } as AnswerValue]))));
    await questionnaire.submit();
    await page.goto("/teams");
    await expect(step("assessmentSubmitted")).toContainText("— done");
    await expect(page.getByText("3 of 4 done.")).toBeVisible();
    // The card now shows the barrel in small, with its words.
    await expect(cardIn(page, "Active teams", team).getByRole("img", { name: "Water level 2.0 of 3; weakest staves Build and Alerts" })).toBeVisible();
    await expect(cardIn(page, "Active teams", team).getByTestId("team-waiting")).toContainText("Next assessment due");

    await step("cadenceSet").getByRole("link", { name: "Choose the team’s cadence" }).click();
    await expect(page).toHaveURL(new RegExp(`/teams/${teamId}#cadence-heading$`));
    await page.getByLabel("Assess the team").selectOption({ label: "Every month" });
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved: every month.")).toBeVisible();
    await page.goto("/teams");
    await expect(page.getByRole("heading", { name: "Teams", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "First steps" })).toHaveCount(0);
    await expectAccessible(page);
  });
});
