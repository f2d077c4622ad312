import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { formatScore } from "../lib/format";
import { questionsOf } from "../lib/model/lookup";
import { scoreAssessment } from "../lib/scoring";
import { signUpWithOrganisation, createTeam, devopsCore, expectAccessible, uniqueName } from "./fixtures";
import { mixedAnswers, startAssessment as startWith } from "./questionnaire";

const model = devopsCore();
const total = model.areas.reduce((n, a) => n + a.questions.length, 0);

const startAssessment = (page: import("@playwright/test").Page) => startWith(page, model);

/** A CSV export fetched with the page's session, checked as CSV and read back as rows. */
async function csvRows(page: import("@playwright/test").Page, url: string): Promise<string[][]> {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const text = await response.text();
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parse(text.slice(1)) as string[][];
}

test.describe("self-assessment", () => {
  test.beforeEach(async ({ page }) => {
    await signUpWithOrganisation(page);
  });

  test("answers every question, submits, and shows the barrel computed from the answers", async ({ page }) => {
    test.setTimeout(150_000); // two full questionnaires, clicked as a person would
    const teamId = await createTeam(page, uniqueName("Checkout"));
    const questionnaire = await startAssessment(page);
    await expect(page.getByText(`0 of ${total} answered`)).toBeVisible();
    // What to answer for, and for each level what the team would show for it.
    await expect(page.getByTestId("coverage")).toHaveText(`Scope: ${model.coverage}`);
    const first = model.areas[0]!.questions[0]!;
    await expect(questionnaire.group(first)).toContainText(`To show for it: ${first.evidence![2]}`);
    await expectAccessible(page);

    const answers = mixedAnswers(model);
    await questionnaire.answerAll(answers);
    await expect(page.getByText(`${total} of ${total} answered`)).toBeVisible();
    await questionnaire.submit();

    const expected = scoreAssessment(model, answers);
    const weakestNames = expected.weakest.map((id) => model.areas.find((a) => a.id === id)!.name).join(", ");
    await expect(page.getByTestId("water-level")).toContainText(formatScore(expected.waterLevel));
    await expect(page.getByTestId("weakest-stave")).toHaveText(weakestNames);
    await expect(page.getByTestId("spill")).toHaveText(formatScore(expected.spill));
    for (const area of expected.areas) {
      await expect(page.getByTestId(`area-score-${area.areaId}`)).toContainText(formatScore(area.score));
    }
    await expect(page.getByRole("img", { name: /Barrel chart/ })).toBeVisible();
    await expect(page.getByText("We run no customer-facing services.")).toBeVisible();
    const primary = model.areas.find((a) => a.id === expected.weakest[0])!.name;
    await expect(page.getByRole("heading", { name: `Raise the lowest stave: ${primary}` })).toBeVisible();
    await expectAccessible(page);

    // Submitted means read-only: the questionnaire now leads to the results.
    await page.goto(page.url().replace(/\/results$/, ""));
    await expect(page).toHaveURL(/\/results$/);

    // A second cycle: the trend shows two points.
    await page.goto(`/teams/${teamId}`);
    const second = await startAssessment(page);
    const better = new Map([...answers].map(([id, v]) => [id, v.kind === "level" ? { kind: "level" as const, level: Math.min(5, v.level + 1) } : v]));
    await second.answerAll(better);
    await second.submit();

    // What moved: exactly the answers that went up a level, and their effect on the water level.
    const secondScore = scoreAssessment(model, better);
    const changedIds = [...answers].filter(([id, v]) => v.kind === "level" && better.get(id)!.kind === "level" && v.level < 5).map(([id]) => id);
    const movedSection = page.getByRole("region", { name: /What moved since/ });
    await expect(movedSection.getByTestId("what-moved-headline")).toContainText(
      `Water level ${formatScore(expected.waterLevel)} → ${formatScore(secondScore.waterLevel)}`,
    );
    await expect(movedSection.getByTestId("what-moved-headline")).toContainText(`${changedIds.length} answers changed.`);
    const listed = await movedSection.locator("tr[data-question]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-question")));
    expect(listed.sort()).toEqual([...changedIds].sort());
    const inWeakest = changedIds.filter((id) =>
      secondScore.weakest.some((areaId) => model.areas.find((a) => a.id === areaId)!.questions.some((q) => q.id === id)),
    );
    await expect(movedSection.getByTestId("made-the-difference").getByRole("listitem")).toHaveCount(inWeakest.length);
    await expectAccessible(page);
    await page.goto(`/teams/${teamId}`);
    await expect(page.getByTestId("moved-summary")).toContainText(`water level ${formatScore(expected.waterLevel)} → ${formatScore(secondScore.waterLevel)}`);
    await page.getByRole("link", { name: "Full results" }).click();

    // The answers leave as CSV, one row per question, as the page shows them.
    const answersFile = page.waitForEvent("download");
    await page.getByRole("link", { name: "Answers as CSV" }).click();
    expect((await answersFile).suggestedFilename()).toMatch(/^stave-results-checkout-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv$/);
    const answerRows = await csvRows(page, page.url().replace(/\/results$/, "/results/export"));
    expect(answerRows).toHaveLength(total + 1);
    for (const [i, { question }] of questionsOf(model).entries()) {
      const value = better.get(question.id)!;
      expect(answerRows[i + 1]!.slice(3, 5)).toEqual([question.id, question.title]);
      expect(answerRows[i + 1]![6]).toBe(value.kind === "level" ? String(value.level) : "");
    }

    await page.getByRole("link", { name: "Trend over time" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /trend/ })).toBeVisible();
    const trendRows = await csvRows(page, `/teams/${teamId}/trend/export`);
    expect(trendRows.slice(1).map((r) => formatScore(Number(r[3])))).toEqual([formatScore(expected.waterLevel), formatScore(secondScore.waterLevel)]);
    const rows = page.getByRole("table", { name: /water level and weakest stave/ }).locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(page.getByTestId("trend-summary")).toContainText(`Water level ${formatScore(expected.waterLevel)} → ${formatScore(secondScore.waterLevel)}`);
    // The chart is in the page as it arrives; its interactive version loads when someone reaches for it.
    const chart = page.getByRole("img", { name: /Line chart of 2 assessments/ });
    await expect(chart).toBeVisible();
    await expect(page.locator(".recharts-wrapper")).toHaveCount(0);
    await expectAccessible(page);
    // Reaching for it as a person does: the pointer moves over it (again, if the page was still loading).
    await expect(async () => {
      await chart.hover({ position: { x: 40, y: 40 } });
      await chart.hover();
      await expect(page.locator(".recharts-wrapper")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole("img", { name: /Line chart of 2 assessments/ })).toBeVisible();
    // Both assessments were made today: drawn close together, not at the chart's two ends.
    const dots = page.locator(".recharts-wrapper circle[r='7']");
    await expect(dots).toHaveCount(2);
    const [a, b] = await dots.evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().x));
    const width = (await page.locator(".recharts-wrapper").boundingBox())!.width;
    expect(Math.abs(b! - a!)).toBeLessThan(width / 4);
    await expectAccessible(page);
  });

  test("keeps saved answers across a reload and resumes at the first unanswered question", async ({ page }) => {
    await createTeam(page, uniqueName("Identity"));
    const questionnaire = await startAssessment(page);
    const first = model.areas[0]!;
    for (const question of first.questions) await questionnaire.answer(question, { kind: "level", level: 3 });

    await page.reload();
    await expect(page.getByText(`${first.questions.length} of ${total} answered`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(model.areas[1]!.name) })).toBeVisible();
    await page.getByRole("button", { name: new RegExp(`^${first.name}`) }).click();
    for (const question of first.questions) {
      await expect(questionnaire.group(question).getByRole("radio", { name: "3 Defined" })).toBeChecked();
    }
  });

  test("needs a reason for not applicable before it saves", async ({ page }) => {
    await createTeam(page, uniqueName("Mobile"));
    const questionnaire = await startAssessment(page);
    const question = model.areas[0]!.questions[0]!;
    const group = questionnaire.group(question);
    await questionnaire.choose(question, "Not applicable");
    await expect(group.getByLabel("Why does this not apply? (required)")).toBeVisible();
    await expect(page.getByText(`0 of ${total} answered`)).toBeVisible();

    await page.reload();
    await expect(questionnaire.group(question).getByRole("radio", { name: "Not applicable" })).not.toBeChecked();
    await questionnaire.answer(question, { kind: "not_applicable", reason: "No build: we ship configuration only." });
    await page.reload();
    await expect(questionnaire.group(question).getByLabel("Why does this not apply? (required)")).toHaveValue("No build: we ship configuration only.");
  });

  test("retries an answer chosen while the connection is lost, and saves it when it returns", async ({ page, context }) => {
    await createTeam(page, uniqueName("Data"));
    const questionnaire = await startAssessment(page);
    const question = model.areas[0]!.questions[1]!;
    const group = questionnaire.group(question);

    await context.setOffline(true);
    await questionnaire.choose(question, "4 Managed");
    await expect(group.getByRole("status")).toHaveText("Not saved yet: retrying…");
    await expect(page.getByTestId("overall-save-status")).toContainText(/retrying/i);

    await context.setOffline(false);
    await expect(group.getByRole("status")).toHaveText("Saved", { timeout: 20_000 });
    await page.reload();
    await expect(questionnaire.group(question).getByRole("radio", { name: "4 Managed" })).toBeChecked();
  });
});

test("loads each area's questions as the questionnaire reaches it, and says what to do when the connection is lost", async ({ page, context }) => {
  await signUpWithOrganisation(page);
  await createTeam(page, uniqueName("Areas"));
  const questionnaire = await startAssessment(page);
  // The page carries the first area's questions; the last one is fetched only once it is reached.
  const last = model.areas.at(-1)!;
  await context.setOffline(true);
  await page.getByRole("button", { name: new RegExp(`^${last.name}`) }).click();
  await expect(page.getByText("The questions of this area could not be loaded. Check the connection and try again.")).toBeVisible();
  await expectAccessible(page);

  await context.setOffline(false);
  await page.getByRole("button", { name: "Try again" }).click();
  await questionnaire.answer(last.questions[0]!, { kind: "level", level: 2 });
  await page.getByRole("button", { name: new RegExp(`^${model.areas[0]!.name}`) }).click();
  await questionnaire.answer(model.areas[0]!.questions[0]!, { kind: "unsure" });

  // From the last area, the way back to the first question still open, in another area.
  await page.getByRole("button", { name: new RegExp(`^${last.name}`) }).click();
  await page.getByRole("button", { name: "Go to the first unanswered question" }).click();
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(model.areas[0]!.name) })).toBeVisible();
  await expect(questionnaire.group(model.areas[0]!.questions[1]!)).toBeInViewport();
});
