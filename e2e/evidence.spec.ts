import { expect, test } from "@playwright/test";
import { dayOf, expiresOn } from "../lib/evidence/expiry";
import { formatDate } from "../lib/format";
import { createTeam, expectAccessible, signUpWithOrganisation, uniqueName } from "./fixtures";
import { publishOwnModel, type OwnModelSpec } from "./own-model";
import { useOwnServer } from "./own-server";
import { startAssessment } from "./questionnaire";

// Evidence that expires: a team backs an answer with a report and a link, the organisation chooses
// that stale evidence counts one level lower, the server's clock is moved past the evidence's
// validity (a test server's own clock, not a wait), and the answer, its area and the team page say
// it is stale; the water level drops and "What moved" says why. The server restarts between, on the
// same data, and its hourly sweep (which also runs at start) finds the lapse.
const spec: OwnModelSpec = { version: "1.0.0", areas: { security: ["pentest", "secrets"] }, evidenceValidFor: { pentest: "P1M" } };

test.describe("evidence that expires", () => {
  const server = useOwnServer(3490, { env: () => ({ STAVE_TEST_CLOCK: "1", STAVE_CLOCK_OFFSET_DAYS: "0" }) });

  test("a team adds evidence; past its validity the answer, its area and the team page show it stale, and the water level drops", async ({ browser }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ baseURL: server.baseURL() });
    const page = await context.newPage();
    await signUpWithOrganisation(page);
    const model = await publishOwnModel(page, spec);
    const teamId = await createTeam(page, uniqueName("Payments"));
    const questionnaire = await startAssessment(page, model);
    const [pentest, secrets] = model.areas[0]!.questions as [(typeof model.areas)[0]["questions"][0], (typeof model.areas)[0]["questions"][0]];

    // The editor opens with the question's own validity as its default and today as the effective day.
    const evidence = page.getByRole("region", { name: `Evidence for ${pentest.title}` });
    await evidence.getByRole("button", { name: `Add evidence for ${pentest.title}` }).click();
    const today = dayOf(new Date());
    await expect(evidence.getByLabel("Effective from")).toHaveValue(today);
    await expect(evidence.getByLabel("Holds for")).toHaveValue("P1M");
    await expect(evidence.getByRole("option", { name: "1 month (default)" })).toBeAttached();

    // A link that is not http(s) is refused with its reason, and nothing is saved.
    await evidence.getByLabel("Evidence item 1").fill("javascript:alert(1)");
    await evidence.getByRole("button", { name: "Save evidence" }).click();
    await expect(evidence.getByText("Only http and https links can be evidence")).toBeVisible();
    await expect(evidence.getByLabel("Evidence item 1")).toHaveAttribute("aria-invalid", "true");
    await expect(evidence.getByLabel("Evidence item 1")).toHaveValue("javascript:alert(1)");
    await expect(evidence.getByLabel("Holds for")).toHaveValue("P1M");
    await expectAccessible(page);

    await evidence.getByLabel("Evidence item 1").fill("https://example.com/pentest-report.pdf");
    await evidence.getByRole("button", { name: "Add another item" }).click();
    await evidence.getByLabel("Evidence item 2").fill("Pen test by Acme, report in the security drive");
    await evidence.getByRole("button", { name: "Save evidence" }).click();
    const lapses = expiresOn(today, "P1M");
    const lastValid = dayOf(new Date(Date.parse(`${lapses}T00:00:00Z`) - 86_400_000));
    await expect(evidence.getByTestId("evidence-state")).toHaveText(`Valid until ${formatDate(lastValid)}`);
    await expect(evidence.getByRole("link", { name: "https://example.com/pentest-report.pdf" })).toBeVisible();
    await expect(evidence.getByRole("button", { name: `Change evidence for ${pentest.title}` })).toBeFocused();

    await questionnaire.answer(pentest, { kind: "level", level: 3 });
    await questionnaire.answer(secrets, { kind: "level", level: 2 });
    await questionnaire.submit();
    const results = page.url();
    await expect(page.getByTestId("evidence-state")).toHaveText(`Valid until ${formatDate(lastValid)}`);
    await expect(page.getByTestId("area-stale-security")).toHaveCount(0);
    await expect(page.getByTestId("water-level")).toContainText("2.5");

    // The organisation chooses that stale evidence counts one level lower: nothing is stale yet.
    await page.goto("/organisation");
    await page.getByRole("radio", { name: "Counts one level lower" }).check();
    await page.getByRole("button", { name: "Save what stale evidence counts as" }).click();
    await expect(page.getByTestId("stale-evidence-saved")).toHaveText("Saved. Counts one level lower. No current assessment’s scores changed.");
    await expectAccessible(page);

    // Forty days later on the server's clock: the evidence lapsed on its expiry day.
    await server.stop();
    server.setEnv({ STAVE_CLOCK_OFFSET_DAYS: "40" });
    await server.start();
    await page.goto(results);
    await expect(page.getByTestId("evidence-state")).toHaveText(`Stale since ${formatDate(lapses)}`);
    // The sweep at start scores the assessment again: Security (3 and 2) now counts 2 and 2.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("water-level")).toContainText("2.0", { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId("lapsed-headline")).toContainText("Water level 2.5 → 2.0");
    await expect(page.getByTestId("lapsed-areas")).toHaveText(
      `Security fell from 2.5 to 2.0 because the evidence for “${pentest.title}” expired on ${formatDate(lapses)}.`,
    );
    await expect(page.getByTestId("lowered-by-lapses")).toContainText("Lowered by stale evidence: Security");
    await expect(page.getByTestId("area-stale-security")).toHaveText("1 answer with stale evidence");
    await page.getByText(`Stale since ${formatDate(lapses)}`).click();
    await expect(page.getByRole("link", { name: "https://example.com/pentest-report.pdf" })).toBeVisible();
    await expectAccessible(page);

    // The dashboard says how much of the area rests on stale evidence, in words beside a bar.
    await page.goto("/dashboard");
    await expect(page.getByTestId("stale-evidence").locator('[data-area="security"]')).toContainText("50 % stale evidence (1 of 2 answers)");
    await expectAccessible(page);

    await page.goto(`/teams/${teamId}`);
    const due = page.getByRole("list", { name: "Evidence to renew" });
    await expect(due.getByTestId("evidence-due")).toHaveCount(1);
    await expect(due.getByTestId("evidence-due")).toContainText(pentest.title);
    await expect(due.getByTestId("evidence-due")).toContainText(`Stale since ${formatDate(lapses)}`);
    await expectAccessible(page);
    await context.close();
  });
});
