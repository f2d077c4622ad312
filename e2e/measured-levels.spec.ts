import { expect, test } from "@playwright/test";
import type { AnswerValue } from "../lib/answer";
import { quarterLabel, quarterOf, quarterStart } from "../lib/dashboard/quarter";
import { createApiToken, createTeam, devopsCore, expectAccessible, screenshotsTo, signUpWithOrganisation } from "./fixtures";
import { startAssessment } from "./questionnaire";

const shots = screenshotsTo("MEASURED_SCREENSHOTS");
const model = devopsCore();

/** Six deployments of one service over the last quarter that has ended: about one a fortnight, under one a week. */
function lastQuarter(service: string) {
  const start = quarterStart(quarterOf(new Date()) - 1).getTime();
  return Array.from({ length: 6 }, (_, i) => ({
    id: `${service}-deploy-${i}`,
    type: "deployment",
    service,
    time: new Date(start + (i * 14 + 3) * 86_400_000).toISOString(),
    outcome: "success",
  }));
}

test.describe("measured levels", () => {
  test("a replayed stream of deployments makes the measured level appear beside the answer, and caps it where the organisation chose so", async ({
    page,
    playwright,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    await signUpWithOrganisation(page, "Owner");
    const teamId = await createTeam(page, "Checkout team");

    const token = await createApiToken(page, "Deploy pipeline", ["events:write"]);
    const tool = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const batch = { events: lastQuarter("checkout") };
    expect(await (await tool.post("/api/v1/events", { data: batch })).json()).toMatchObject({ recorded: 6 });
    expect(await (await tool.post("/api/v1/events", { data: batch })).json()).toMatchObject({ recorded: 0 });

    // The owner maps the service to the team and lets measured levels cap answers.
    await page.goto("/organisation/delivery");
    const checkout = page.getByRole("listitem", { name: "checkout" });
    await checkout.getByLabel("Team for checkout").selectOption({ label: "Checkout team" });
    await checkout.getByRole("button", { name: "Save" }).click();
    await expect(checkout.getByRole("status").filter({ hasText: "now counts for Checkout team" })).toBeVisible();
    const measuredSection = page.getByRole("region", { name: "Measured levels" });
    await expect(measuredSection.getByRole("radio", { name: /Show them beside the answers/ })).toBeChecked();
    await measuredSection.getByRole("radio", { name: /Let them cap the answers in scores/ }).check();
    await measuredSection.getByRole("button", { name: "Save" }).click();
    await expect(measuredSection.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expectAccessible(page);

    // The team answers 4 everywhere, delivery performance included, and submits.
    await page.goto(`/teams/${teamId}`);
    const questionnaire = await startAssessment(page, model);
    await questionnaire.answerAll(new Map(model.areas.flatMap((a) => a.questions.map((q) => [q.id, { kind: "level", level: 4 } as AnswerValue]))));
    await questionnaire.submit();

    // Deployments say 2 (0.5 a week): shown beside the answer, and CI/CD counts it — (10 × 4 + 2) ÷ 11 = 3.8.
    await expect(page.getByTestId("measured-cicd-delivery-performance")).toContainText("You answered 4 · Managed; deployments say 2 (0.5 a week)");
    await expect(page.getByTestId("measured-cicd-delivery-performance")).toContainText(
      `Measured over ${quarterLabel(quarterOf(new Date()) - 1)}; the scores count 2.`,
    );
    await expect(page.getByTestId("area-score-cicd")).toContainText("3.8");
    await expect(page.getByTestId("area-score-security")).toContainText("4.0");
    await expect(page.getByTestId("lowered-by-data")).toContainText("Lowered by delivery data: CI/CD");
    const cicd = page.locator("section[aria-labelledby='area-cicd']");
    await expect(cicd.getByRole("heading", { name: /CI\/CD/ })).toContainText("lowered by delivery data");
    await cicd.getByText("How was this computed?").click();
    await expect(cicd).toContainText("counted as 2, the level delivery data measured (deployment frequency 0.5 a week in");
    await expectAccessible(page);
    await shots(page, "measured-results");

    // A deployment this quarter puts the team in the dashboard's spread of delivery metrics.
    expect(
      await (
        await tool.post("/api/v1/events", {
          data: { events: [{ id: "now", type: "deployment", service: "checkout", time: new Date(Date.now() - 3_600_000).toISOString() }] },
        })
      ).json(),
    ).toMatchObject({ recorded: 1 });
    await page.goto("/dashboard");
    const spread = page.getByRole("table", { name: /Delivery metrics across 1 teams/ });
    await expect(
      spread
        .getByRole("row", { name: /Deployment frequency/ })
        .getByRole("cell")
        .first(),
    ).toHaveText("1");
    await expect(
      spread
        .getByRole("row", { name: /Change lead time/ })
        .getByRole("cell")
        .first(),
    ).toHaveText("0");
    await expectAccessible(page);
    await shots(page, "measured-dashboard");
    // On a phone the table scrolls sideways inside a frame the keyboard can reach.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole("region", { name: /Delivery metrics in/ })).toBeVisible();
    await expectAccessible(page);
  });
});
