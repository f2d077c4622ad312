import { expect, test, type Browser, type Page } from "@playwright/test";
import type { AnswerValue } from "../lib/answer";
import { createTeam, devopsCore, expectAccessible, signUpWithOrganisation, uniqueName } from "./fixtures";
import { QuestionnairePage, startAssessment } from "./questionnaire";

const model = devopsCore();
const area = model.areas[0]!;
const q1 = area.questions[0]!;
const levelButton = (page: Page, level: number) => page.getByRole("radio", { name: new RegExp(`^${level} · `) });
const XSS = "<img src=x onerror=alert(1)>";

async function joinAs(browser: Browser, code: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/join?code=${code.replace("-", "")}`);
  await page.getByLabel("Your name (optional)").fill(name);
  await page.getByRole("button", { name: "Join the workshop" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(q1.title);
  return page;
}

test("the room re-votes, agrees the next bottleneck at the end, sees it on the report, and it becomes the target and actions on submission", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await signUpWithOrganisation(page);
  const teamName = uniqueName("Checkout");
  await createTeam(page, teamName);
  const teamUrl = new URL(page.url()).pathname;
  await startAssessment(page, model);
  const questionnaireUrl = page.url();
  await page.getByRole("link", { name: "Run it as a live workshop" }).click();
  await page.getByRole("button", { name: "Open the workshop" }).click();
  const workshopPath = new URL(page.url()).pathname;
  const code = (await page.getByTestId("join-code").textContent())!;
  const [ana, ben] = [await joinAs(browser, code, "Ana"), await joinAs(browser, code, "Ben")];

  // Round 1 splits the room (1 and 4); after talking, round 2 comes out at 3 and 4.
  await levelButton(ana, 1).click();
  await levelButton(ben, 4).click();
  await expect(page.getByTestId("tally-summary")).toContainText("spread 3");
  await page.getByRole("button", { name: "Vote again" }).click();
  await expect(levelButton(ana, 3)).toBeEnabled();
  await levelButton(ana, 3).click();
  await expect(levelButton(ben, 4)).toBeEnabled();
  await levelButton(ben, 4).click();
  await expect(page.getByTestId("tally-summary")).toContainText("spread 1");
  await page.getByLabel("Agreed level").selectOption("3");
  await page.getByRole("button", { name: "Record as the team answer" }).click();
  await expect(page.getByTestId("consensus")).toHaveText("Recorded: level 3");

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "End the workshop" }).click();
  const agreeing = page.getByRole("region", { name: "The workshop has ended: agree the next bottleneck" });
  // The weakest stave so far is chosen first (the only area answered: 3.0), one level up suggested.
  await expect(agreeing.getByLabel("Area to raise")).toHaveValue(area.id);
  await expect(agreeing.getByLabel("Area to raise").locator("option:checked")).toHaveText(`${area.name} · 3.0 (weakest stave)`);
  await expect(agreeing.getByLabel("Target level")).toHaveValue("4");
  await expect(agreeing.getByLabel("Target level").locator("option")).toHaveText([/^4 · /, /^5 · /]);

  // Without a first action, or with a date already past, it is refused beside the field.
  await agreeing.getByLabel("Target date").fill("2020-01-31");
  await agreeing.getByRole("button", { name: "Record the agreement" }).click();
  await expect(agreeing.getByText("Agree at least one first action: give it a title.")).toBeVisible();
  await expect(agreeing.getByLabel("Action 1 title")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  const dueOn = new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10);
  await agreeing.getByLabel("Target date").fill(dueOn);
  await agreeing.getByLabel("Action 1 title").fill("Run the pipeline on every branch");
  await agreeing.getByLabel("Action 1 owner").fill("Ana");
  await agreeing.getByLabel("Action 2 title").fill(XSS);
  await agreeing.getByLabel("Action 3 owner").fill("Nobody");
  await agreeing.getByRole("button", { name: "Record the agreement" }).click();
  await expect(agreeing.getByText("Give this action a title, or clear its owner and date.")).toBeVisible();
  await expect(agreeing.getByLabel("Action 2 title")).toHaveValue(XSS);
  await agreeing.getByLabel("Action 3 owner").fill("");
  await agreeing.getByRole("button", { name: "Record the agreement" }).click();
  const agreed = agreeing.getByTestId("agreement");
  await expect(agreed).toContainText(`Agreed: Raise ${area.name} from 3.0 to level 4 by`);
  await expect(agreed.getByRole("listitem")).toHaveText(["Run the pipeline on every branch · owner: Ana", XSS]);
  await expect(agreed).toContainText("When the assessment is submitted, this becomes its target and first actions.");
  await expectAccessible(page);

  // The report: every round of the re-vote, the agreement, and links back to the team and the workshop.
  await agreeing.getByRole("link", { name: "Read the report" }).click();
  await expect(page).toHaveURL(/\/workshops\/[0-9a-f-]+\/report$/);
  const reportUrl = page.url();
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs.getByRole("link", { name: teamName })).toHaveAttribute("href", teamUrl);
  await expect(crumbs.getByRole("link", { name: "Workshop" })).toHaveAttribute("href", workshopPath);
  const first = page.getByTestId("report-question").first();
  await expect(first.getByTestId("report-round")).toHaveText([/^Round 1 \(spread 3\): 1: 1 · 2: 0 · 3: 0 · 4: 1/, /^Round 2 \(spread 1\): .*3: 1 · 4: 1/]);
  await expect(first).toContainText("3 → 1");
  const reportAgreement = page.getByTestId("report-agreement");
  await expect(reportAgreement).toContainText(`Agreed: Raise ${area.name} from 3.0 to level 4 by`);
  await expect(reportAgreement.getByRole("listitem")).toHaveText(["Run the pipeline on every branch · owner: Ana", XSS]);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expectAccessible(page);
  const markdown = await (await page.request.get(`${page.url()}/export?format=md`)).text();
  expect(markdown).toContain("round 1: 1: 1, 2: 0, 3: 0, 4: 1, 5: 0, unsure: 0, n/a: 0; round 2:");
  expect(markdown).toContain("2. &lt;img src=x onerror=alert(1)&gt;");
  expect(markdown).not.toContain("<img");
  const json = await (await page.request.get(`${page.url()}/export?format=json`)).json();
  expect(json.questions[0].rounds.map((r: { tally: { spread: number } }) => r.tally.spread)).toEqual([3, 1]);
  expect(json.agreement).toMatchObject({ areaId: area.id, level: 4, dueOn, appliedAt: null });

  // Submitting the assessment makes the agreement its target and first actions.
  await page.goto(questionnaireUrl);
  const questionnaire = new QuestionnairePage(page, model);
  const answers = new Map<string, AnswerValue>(model.areas.flatMap((a) => a.questions.map((q) => [q.id, { kind: "level" as const, level: 2 }])));
  answers.set(q1.id, { kind: "level", level: 3 });
  await questionnaire.answerAll(answers);
  await questionnaire.submit();
  const plan = page.getByRole("region", { name: "Target and actions" });
  await expect(plan.getByTestId("target")).toContainText(new RegExp(`Raise ${area.name} from \\d\\.\\d to level 4`));
  await expect(plan.getByTestId("action")).toHaveCount(2);
  await expect(plan.getByTestId("action").nth(0)).toContainText("Run the pipeline on every branch");
  await expect(plan.getByTestId("action").nth(0)).toContainText("Ana");
  await expect(plan.getByTestId("action").nth(1)).toContainText(XSS);

  // The report now says so, and leads to the results instead of the workshop.
  await page.goto(reportUrl);
  await expect(page.getByTestId("report-agreement")).toContainText("It is the submitted assessment's target and first actions.");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Results" })).toBeVisible();
});
