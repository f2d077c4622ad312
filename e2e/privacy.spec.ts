import { parse } from "csv-parse/sync";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { TEAM_ONLY_RESULTS } from "../lib/dashboard/privacy";
import { devopsCore, expectAccessible, screenshotsTo } from "./fixtures";
import { useOwnServer } from "./own-server";
import { startAssessment } from "./questionnaire";

// Who sees what on the demo organisation once its owner keeps each team's results to the team and
// its leads: a viewer in no team, and a member of one team, see aggregates only.
test.describe("privacy that holds", () => {
  test.describe.configure({ mode: "serial" });
  const server = useOwnServer(3250);
  let otherTrend = "";
  let otherResults = "";
  let searchTeam = "";
  let searchReport = "";

  /** Screenshots for looking at, only when asked for (PRIVACY_SCREENSHOTS=folder). */
  const shots = screenshotsTo("PRIVACY_SCREENSHOTS");

  /** A page of another team's results, refused saying why (not a 404), and accessible. */
  async function expectRefused(page: Page, address: string) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(200);
    await expect(page.getByTestId("results-private"), address).toContainText(TEAM_ONLY_RESULTS);
    await expectAccessible(page);
  }

  async function signInAs(browser: Browser, role: string): Promise<Page> {
    const page = await (await browser.newContext({ baseURL: server.baseURL() })).newPage();
    await page.goto("/sign-in");
    await page.getByRole("button", { name: `Sign in as the ${role}` }).click();
    await expect(page).toHaveURL(/\/teams$/);
    return page;
  }

  test.beforeAll(async ({ browser }) => {
    const page = await (await browser.newContext({ baseURL: server.baseURL() })).newPage();
    await page.goto("/");
    await page.getByRole("button", { name: "Explore with demo data" }).click();
    await expect(page.getByRole("heading", { name: "The demo is ready" })).toBeVisible();
    await page.context().close();
  });

  test("a viewer outside Labs sees neither its figures nor a figure they could be subtracted from", async ({ browser }) => {
    const page = await signInAs(browser, "viewer");
    await page.goto("/dashboard");
    await page.getByLabel("Group", { exact: true }).selectOption({ label: "Platform & Data" });
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard: Platform & Data" })).toBeVisible();
    await expect(page.getByTestId("withheld-notice")).toContainText("by subtraction");
    // Team rows are still shown under "everyone in the organisation", and the page says precisely why.
    await expect(page.getByTestId("team-rows-note")).toHaveText(
      "Each team’s results are open to everyone in this organisation (Organisation settings), so team rows are shown; only the group’s aggregates are withheld.",
    );
    await expectAccessible(page);
    await shots(page, "dashboard-notes");
    await page.context().close();
  });

  test("the owner keeps each team's results to the team and its leads", async ({ browser }) => {
    const page = await signInAs(browser, "owner");
    // Remember where Voice Assistant's trend and latest results are, as the owner sees them.
    await page.goto("/dashboard");
    otherTrend = (await page.getByRole("link", { name: "Voice Assistant", exact: true }).getAttribute("href"))!;
    await page.goto(otherTrend);
    await expect(page.getByRole("heading", { name: "Voice Assistant: trend" })).toBeVisible();
    await page.goto(otherTrend.replace(/\/trend$/, ""));
    const resultsLink = page.locator('a[href*="/assessments/"][href$="/results"]').first();
    otherResults = (await resultsLink.getAttribute("href")) ?? "";

    // Search has open actions; a workshop on its next assessment has a report.
    await page.goto("/dashboard");
    searchTeam = (await page.getByRole("link", { name: "Search", exact: true }).getAttribute("href"))!.replace(/\/trend$/, "");
    await page.goto(searchTeam);
    await expect(page.getByRole("heading", { name: /Open actions/ })).toBeVisible();
    await startAssessment(page, devopsCore());
    await page.getByRole("link", { name: "Run it as a live workshop" }).click();
    await page.getByRole("button", { name: "Open the workshop" }).click();
    await expect(page.getByTestId("join-code")).toBeVisible();
    await page.goto("/workshops");
    searchReport = (await page.getByRole("link", { name: "Report of the Search workshop" }).first().getAttribute("href"))!;
    await page.goto(searchReport);
    await expect(page.getByRole("heading", { level: 1, name: "Workshop: Search" })).toBeVisible();

    await page.goto("/organisation");
    const section = page.getByRole("region", { name: "Who sees results" });
    await section.getByRole("radio", { name: /Only the team and its leads/ }).check();
    await section.getByLabel(/Fewest teams/).fill("2");
    await section.getByRole("button", { name: "Save who sees what" }).click();
    await expect(section.getByText(/At least 3 teams/)).toBeVisible();
    await section.getByLabel(/Fewest teams/).fill("3");
    await section.getByRole("button", { name: "Save who sees what" }).click();
    await expect(section.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await page.reload();
    await expect(section.getByRole("radio", { name: /Only the team and its leads/ })).toBeChecked();
    await expectAccessible(page);
    await page.context().close();
  });

  test("a viewer then sees no team's row, results or trend", async ({ browser }) => {
    const page = await signInAs(browser, "viewer");
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: /^Dashboard: / })).toBeVisible();
    await expect(page.getByTestId("team-rows-note")).toContainText("only the rows of your own teams");
    await expect(page.getByText("None of your teams is here.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Voice Assistant", exact: true })).toHaveCount(0);
    await expectAccessible(page);

    const csv: string[][] = parse((await (await page.request.get("/dashboard/export/heatmap")).text()).slice(1));
    expect(csv).toHaveLength(1); // the header only

    // Another team's trend, results and workshop report are refused saying why.
    expect(otherResults).not.toBe("");
    for (const address of [otherTrend, otherResults, searchReport]) await expectRefused(page, address);
    await shots(page, "refused");
    // Its page shows its name and people, none of its results or actions.
    await page.goto(searchTeam);
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    await expect(page.getByTestId("results-private")).toContainText(TEAM_ONLY_RESULTS);
    await expect(page.getByRole("heading", { name: /Open actions/ })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Assessments" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /Trend over time|View results|Full results/ })).toHaveCount(0);
    await expectAccessible(page);
    await shots(page, "team-private");
    // The teams list says so on the card, instead of "not assessed".
    await page.goto("/teams");
    const card = page.getByTestId("team-card").filter({ hasText: "Search" });
    await expect(card).toContainText(TEAM_ONLY_RESULTS);
    await expect(card.getByRole("img")).toHaveCount(0);
    await expectAccessible(page);
    await page.context().close();
  });

  test("a member sees their own team's row and trend, and no other team's", async ({ browser }) => {
    const page = await signInAs(browser, "member");
    await page.goto("/dashboard");
    const rows = page.locator("table").last().locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await rows.first().getByRole("link", { name: "Payments", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Payments: trend" })).toBeVisible();
    await expectAccessible(page);
    for (const address of [otherTrend, searchReport]) await expectRefused(page, address);
    await page.context().close();
  });
});
