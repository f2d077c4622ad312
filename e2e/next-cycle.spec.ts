import { expect, test, type Page } from "@playwright/test";
import type { AnswerValue } from "../lib/answer";
import { createTeam, expectAccessible, signUpWithOrganisation, uniqueName } from "./fixtures";
import { ownModel, publishOwnModel, type OwnModelSpec } from "./own-model";
import { startAssessment } from "./questionnaire";

// The next assessment starts from the last one: every answer carried and marked, two changed, the
// rest confirmed an area at a time, then submitted. An organisation's own small model keeps the
// clicks few; the cycle is the same for any model.
const spec: OwnModelSpec = { version: "1.0.0", levels: 5, areas: { build: ["b1", "b2"], alerts: ["a1", "a2"], recovery: ["r1", "r2"], access: ["s1", "s2"] } };
const model = ownModel(spec);
const questions = model.areas.flatMap((a) => a.questions);
const [build, alerts, recovery, access] = model.areas as [
  (typeof model.areas)[number],
  (typeof model.areas)[number],
  (typeof model.areas)[number],
  (typeof model.areas)[number],
];

const lastTime = new Map<string, AnswerValue>(questions.map((q, i) => [q.id, { kind: "level", level: 2 + (i % 3) }]));
lastTime.set("r2", { kind: "not_applicable", reason: "No stateful services" });

const group = (page: Page, title: string) => page.getByRole("group", { name: new RegExp(`^\\d+\\. ${title}:`) });

async function firstCycle(page: Page) {
  await signUpWithOrganisation(page);
  await publishOwnModel(page, spec);
  const teamId = await createTeam(page, uniqueName("Payments"));
  const questionnaire = await startAssessment(page, model);
  await questionnaire.answerAll(lastTime);
  await questionnaire.submit();
  await page.goto(`/teams/${teamId}`);
  return teamId;
}

test.describe("the next cycle starts from the last one", () => {
  test("every answer is carried and marked; two are changed, the rest confirmed area by area; what moved shows exactly the two", async ({ page }) => {
    test.setTimeout(120_000);
    await firstCycle(page);

    // Before starting: the last answers are offered, with what reviewing them costs, and a blank page stays a choice.
    const fromLast = page.getByRole("radio", { name: /^The last answers/ });
    await expect(fromLast).toBeChecked();
    await expect(page.getByText(/The last answers \(.+\): 8 of 8 filled in to review, (about \d+ minutes?|under a minute)/)).toBeVisible();
    await expect(page.getByRole("radio", { name: /^A blank page: 8 questions, about \d+ minutes?/ })).toBeVisible();
    await page.getByRole("button", { name: "Start an assessment" }).click();
    await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]+$/);

    // Every answer is there, marked as carried and not yet reviewed; submitting is not possible yet.
    await expect(page.getByTestId("answered-count")).toHaveText("8 of 8 answered, 8 to review");
    await expect(page.getByTestId("area-review")).toContainText(`2 answers carried from`);
    const b1 = group(page, build.questions[0]!.title);
    await expect(b1.getByRole("radio", { name: "2 Practising", exact: true })).toBeChecked();
    await expect(b1.getByText(/^From .+, not yet reviewed$/)).toBeVisible();
    await expectAccessible(page);

    // Build: b1 changes (2 → 4) and says what it was; b2 stays; one click confirms the area and moves on.
    await b1.locator("label", { has: page.getByRole("radio", { name: "4 Leading", exact: true }) }).click();
    await expect(b1.getByRole("status")).toHaveText("Saved");
    await expect(b1.getByText(/^Changed since .+ \(was 2 · Practising\)$/)).toBeVisible();
    await expect(page.getByTestId("area-review")).toContainText("1 answer carried from");
    await page
      .getByRole("button", { name: `Nothing changed in ${build.name}` })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${alerts.name}`) })).toBeVisible();

    // Alerts: a2 changes (2 → 5); then the area is confirmed.
    const a2 = group(page, alerts.questions[1]!.title);
    await expect(a2.getByRole("radio", { name: "2 Practising", exact: true })).toBeChecked();
    await a2.locator("label", { has: page.getByRole("radio", { name: "5 Shaping", exact: true }) }).click();
    await expect(a2.getByRole("status")).toHaveText("Saved");
    await page
      .getByRole("button", { name: `Nothing changed in ${alerts.name}` })
      .first()
      .click();

    // Recovery: the not-applicable answer kept its reason. Kept as it is, one question at a time.
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${recovery.name}`) })).toBeVisible();
    const r2 = group(page, recovery.questions[1]!.title);
    await expect(r2.getByLabel("Why does this not apply? (required)")).toHaveValue("No stateful services");
    for (const q of recovery.questions)
      await group(page, q.title)
        .getByRole("button", { name: /^Still true/ })
        .click();
    await expect(r2.getByText(/^✓ Reviewed: the same as /)).toBeVisible();
    await expect(page.getByTestId("answered-count")).toHaveText("8 of 8 answered, 2 to review");
    await page.getByRole("button", { name: /^Next area:/ }).click();

    // Access, the last area: submitting waits for its review.
    await expect(page.getByTestId("submit-state")).toHaveText("2 carried answers are not yet reviewed.");
    await expect(page.getByRole("button", { name: "Submit and see results" })).toBeDisabled();
    await page
      .getByRole("button", { name: `Nothing changed in ${access.name}` })
      .first()
      .click();
    await expect(page.getByTestId("answered-count")).toHaveText("8 of 8 answered");
    await expect(page.getByTestId("overall-save-status")).toHaveText("All answers saved");
    await page.getByRole("button", { name: "Submit and see results" }).click();
    await expect(page).toHaveURL(/\/results$/);

    // What moved: exactly the two changes, and how many were reviewed unchanged.
    const moved = page.locator("#what-moved");
    await expect(moved.getByTestId("what-moved-headline")).toContainText("2 answers changed.");
    await expect(moved.locator("tr[data-question]")).toHaveCount(2);
    await expect(moved.locator('tr[data-question="b1"]')).toContainText("2 · Practising");
    await expect(moved.locator('tr[data-question="b1"]')).toContainText("4 · Leading");
    await expect(moved.locator('tr[data-question="a2"]')).toContainText("5 · Shaping");
    await expect(page.getByTestId("review-counts").first()).toContainText("6 answers reviewed unchanged, 2 changed");
  });

  test("a blank start stays a choice", async ({ page }) => {
    test.setTimeout(90_000);
    await firstCycle(page);
    await page.getByRole("radio", { name: /^A blank page/ }).check();
    await page.getByRole("button", { name: "Start an assessment" }).click();
    await expect(page.getByTestId("answered-count")).toHaveText("0 of 8 answered");
    await expect(page.getByTestId("area-review")).toHaveCount(0);
    await expect(page.getByText(/not yet reviewed/)).toHaveCount(0);
  });

  test("a workshop on a carried draft shows the facilitator last cycle's team answer, and the room nothing of it", async ({ page, browser }) => {
    test.setTimeout(90_000);
    await firstCycle(page);
    await page.getByRole("button", { name: "Start an assessment" }).click();
    await page.getByRole("link", { name: "Run it as a live workshop" }).click();
    await page.getByRole("button", { name: "Open the workshop" }).click();
    await expect(page.getByTestId("last-cycle-answer")).toContainText("2 · Practising");
    await expectAccessible(page);
    const presenter = await page.context().newPage();
    await presenter.goto((await page.getByRole("link", { name: "Open the presenter view" }).getAttribute("href"))!);
    await expect(presenter.getByRole("heading", { level: 1 })).toHaveText(build.questions[0]!.title);
    await expect(presenter.getByText(/Last cycle/)).toHaveCount(0);
    const code = (await page.getByTestId("join-code").textContent())!;
    const phone = await (await browser.newContext()).newPage();
    await phone.goto(`/join?code=${code.replace("-", "")}`);
    await phone.getByRole("button", { name: "Join the workshop" }).click();
    await expect(phone).toHaveURL(/\/w$/);
    await expect(phone.getByText(/Last cycle/)).toHaveCount(0);
  });
});
