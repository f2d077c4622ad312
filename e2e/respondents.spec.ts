import { expect, test, type Page } from "@playwright/test";
import type { AnswerValue } from "../lib/answer";
import { createInvitationLink, joinByInvitation } from "./access";
import { createTeam, expectAccessible, signUpWithOrganisation, uniqueName, type Account } from "./fixtures";
import { ownModel, publishOwnModel, type OwnModelSpec } from "./own-model";
import { QuestionnairePage } from "./questionnaire";

// The organisation's own model: a first area of five questions (one per level), two small others.
const spec: OwnModelSpec = { version: "1.0.0", levels: 5, areas: { delivery: ["d1", "d2", "d3", "d4", "d5"], alerts: ["a1", "a2"], access: ["s1", "s2"] } };
const model = ownModel(spec);
const first = model.areas[0]!;
const [q1, q2, q3] = first.questions;
const level = (n: number): AnswerValue => ({ kind: "level", level: n });

async function addToTeam(page: Page, teamId: string, account: Account) {
  await page.goto(`/teams/${teamId}`);
  await page.getByLabel("Add a person").selectOption({ label: `${account.name} (${account.email})` });
  await page.getByRole("button", { name: "Add to team" }).click();
  await expect(page.getByRole("list", { name: "Team members" })).toContainText(account.name);
}

/** A member opens the team's open assessment from the team page: their own answers, nothing to submit. */
async function openOwnAnswers(page: Page, teamId: string): Promise<QuestionnairePage> {
  await page.goto(`/teams/${teamId}`);
  await page.getByRole("button", { name: "Continue the open assessment" }).click();
  await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]+$/);
  await expect(page.getByTestId("own-answers")).toContainText("These are your own answers.");
  return new QuestionnairePage(page, model);
}

test.describe("several respondents", () => {
  test("members answer on their own; the lead sees who chose what and the spread, sets a team answer with a note, and submits", async ({ page, browser }) => {
    test.setTimeout(120_000); // one member answers the whole questionnaire, clicked as a person would
    await signUpWithOrganisation(page, "Lead");
    await publishOwnModel(page, spec);
    const teamId = await createTeam(page, uniqueName("Checkout"));
    const amara = await joinByInvitation(browser, await createInvitationLink(page, "Member"), "Amara");
    const jonas = await joinByInvitation(browser, await createInvitationLink(page, "Member"), "Jonas");
    await addToTeam(page, teamId, amara.account);
    await addToTeam(page, teamId, jonas.account);

    // The lead starts it, choosing that each member answers on their own.
    await page.getByLabel("Model").selectOption({ label: "Acme Ops 1.0.0" });
    await page.getByLabel("Each member on their own: the lead sees who chose what").check();
    await page.getByRole("button", { name: "Start an assessment" }).click();
    await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]+$/);
    const assessmentUrl = page.url();
    await expect(page.getByTestId("own-answers")).toContainText("the lead sees who chose what");

    // Amara answers everything: 1, 2, 3, … in the first area, 3 elsewhere.
    const ownA = await openOwnAnswers(amara.page, teamId);
    const answers = new Map(model.areas.flatMap((a) => a.questions.map((q, i) => [q.id, a === first ? level((i % 5) + 1) : level(3)] as const)));
    await ownA.answerAll(answers);
    await expect(amara.page.getByRole("heading", { name: "Your answers" })).toBeVisible();
    await expect(amara.page.getByRole("button", { name: /Submit/ })).toHaveCount(0);
    // A member does not see the others' answers.
    expect((await amara.page.goto(`${assessmentUrl}/respondents`))!.status()).toBe(404);

    // Jonas answers three questions: he disagrees on the first by two levels.
    const ownJ = await openOwnAnswers(jonas.page, teamId);
    await ownJ.answer(q1!, level(3));
    await ownJ.answer(q2!, level(2));
    await ownJ.answer(q3!, { kind: "unsure" });
    // His own answers come back as his, not the team's.
    await jonas.page.reload();
    await expect(ownJ.group(q1!).getByRole("radio", { name: ownJ.levelName(3) })).toBeChecked();

    // The lead's page: who chose what, the spread, the disagreement.
    await page.goto(assessmentUrl);
    await page.getByRole("link", { name: "See everyone's answers and the spread" }).click();
    await expect(page).toHaveURL(/\/respondents$/);
    await expect(page.getByRole("heading", { name: /2 respondents · 1 question where the team disagrees/ })).toBeVisible();
    await expect(page.getByRole("list", { name: "Respondents" })).toContainText(`${amara.account.name}: ${model.areas.flatMap((a) => a.questions).length} of`);
    await expect(page.getByRole("list", { name: "Respondents" })).toContainText(`${jonas.account.name}: 3 of`);
    const first1 = page.getByRole("article", { name: q1!.title, exact: true });
    await expect(first1.getByRole("list", { name: "Who answered what" })).toContainText(`${amara.account.name}: 1`);
    await expect(first1.getByRole("list", { name: "Who answered what" })).toContainText(`${jonas.account.name}: 3`);
    // The median of 1 and 3 is the lower middle: 1.
    await expect(first1.getByTestId("team-answer")).toContainText("(the median of 2 answers)");
    await expect(page.getByRole("region", { name: first.name }).getByTestId("area-spread")).toContainText(/^2 respondents · spread .* · 1 question disagrees$/);
    await expectAccessible(page);

    // The lead sets the disagreed question's team answer, with a note.
    await first1.getByText(`Set the team answer for “${q1!.title}”`).click();
    await first1.getByLabel("Team answer").selectOption("2");
    await first1.getByLabel("Note: why this is the team's answer").fill("Only the payments pipeline runs on every change.");
    await first1.getByRole("button", { name: "Set the team answer" }).click();
    await expect(first1.getByTestId("team-answer")).toContainText("(set by the lead) · “Only the payments pipeline runs on every change.”");

    await page.getByRole("button", { name: "Submit the team answers and see results" }).click();
    await expect(page).toHaveURL(/\/results$/);
    await expect(page.getByTestId("respondents")).toContainText("Answered by 2 respondents");
    await expectAccessible(page);

    // The trend lists the respondents of each assessment.
    await page.goto(`/teams/${teamId}/trend`);
    await expect(page.getByTestId("respondents-cell").first()).toContainText("2");
    await amara.page.context().close();
    await jonas.page.context().close();
  });
});
