import path from "node:path";
import { parse } from "csv-parse/sync";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { loadModels, newestModel } from "../content/load-models";
import { buildDemoFleet, buildDemoStories } from "../db/seed/demo-stories";
import { countedByQuarter, tiedWeakestCounts } from "../lib/dashboard/aggregate";
import { quarterLabel, quarterOf, quarterRange } from "../lib/dashboard/quarter";
import { formatScore } from "../lib/format";
import { scoreAssessment } from "../lib/scoring";
import { expectAccessible } from "./fixtures";
import { useOwnServer } from "./own-server";

// Leadership's journey on the demo organisation (24 teams in groups, two years of history), on a
// fresh installation of its own.
test.describe("the leadership dashboard", () => {
  test.describe.configure({ mode: "serial" });
  const server = useOwnServer(3170);
  let seededAt = new Date();

  test.beforeAll(async ({ browser }) => {
    const page = await (await browser.newContext({ baseURL: server.baseURL() })).newPage();
    await page.goto("/");
    seededAt = new Date();
    await page.getByRole("button", { name: "Explore with demo data" }).click();
    await expect(page.getByRole("heading", { name: "The demo is ready" })).toBeVisible();
    await page.context().close();
  });

  async function signInAs(browser: Browser, role: string): Promise<Page> {
    const page = await (await browser.newContext({ baseURL: server.baseURL(), acceptDownloads: true })).newPage();
    await page.goto("/sign-in");
    await page.getByRole("button", { name: `Sign in as the ${role}` }).click();
    await expect(page).toHaveURL(/\/teams$/);
    return page;
  }

  /** What the dashboard must show, worked out here from the demo's own data and the pure scoring rules. */
  function expectedDistribution() {
    const model = newestModel(loadModels(path.join(process.cwd(), "content", "models")), "devops-core")!;
    const teams = [...buildDemoStories(model, seededAt).teams, ...buildDemoFleet(model, seededAt)];
    const results = teams.flatMap((t) =>
      t.assessments.map((a) => {
        const score = scoreAssessment(model, new Map(a.answers.map((x) => [x.questionId, x.value])));
        return { teamId: t.name, submittedAt: a.submittedAt, waterLevel: score.waterLevel, weakest: score.weakest };
      }),
    );
    const quarters = quarterRange(quarterOf(new Date()), 8);
    const counted = countedByQuarter(results, quarters);
    return { model, quarters, counted };
  }

  test("shows the organisation's weakest-stave counts as computed from the seeded scores", async ({ browser }) => {
    const page = await signInAs(browser, "viewer");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard: Demo Organisation" })).toBeVisible();
    await expect(page.getByTestId("most-common-weakest")).toHaveText("Observability");
    await expect(page.getByTestId("assessed-recently")).toContainText("22 of 24 teams");
    await expect(page.getByText(/A team counts in a quarter with its latest assessment submitted in or before that quarter/)).toBeVisible();
    await expect(page.getByText("Ties for the weakest stave count for every tied area.")).toBeVisible();

    const { model, quarters, counted } = expectedDistribution();
    await page.getByText("The figures").first().click();
    const table = page.getByTestId("distribution-table");
    for (const quarter of quarters) {
      const row = table.getByRole("row", { name: new RegExp(`^${quarterLabel(quarter)}`) });
      const teams = counted.get(quarter)!;
      const counts = tiedWeakestCounts(teams);
      await expect(row.getByRole("cell").first()).toHaveText(String(teams.length));
      for (const area of model.areas) {
        await expect(row.locator(`[data-area="${area.id}"]`)).toHaveText(new RegExp(`^${counts.get(area.id) ?? 0}\\b`));
      }
    }
    // No league tables: the heatmap is sorted by name.
    const names = await page.locator("table").last().locator("tbody th").allInnerTexts();
    const teamNames = names.map((n) => n.split("\n")[0]!.trim());
    expect(teamNames).toEqual([...teamNames].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    await expectAccessible(page);
    await page.context().close();
  });

  test("filters by group, keeps the view in its link, and drills down to a team's trend", async ({ browser }) => {
    const page = await signInAs(browser, "viewer");
    await page.goto("/dashboard");
    await page.getByLabel("Group", { exact: true }).selectOption({ label: "\u2003Commerce" });
    await page.getByLabel("Period").selectOption("12");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/group=.*quarters=12/);
    await expect(page.getByRole("heading", { name: "Dashboard: Commerce" })).toBeVisible();
    const crumbs = page.getByRole("navigation", { name: "Breadcrumbs" });
    await expect(crumbs).toHaveText(/Demo Organisation›Product Engineering›Commerce/);
    await expect(page.getByText("Teams 1–6 of 6")).toBeVisible();
    // The link alone brings the same view back.
    const link = page.url();
    await page.goto("/dashboard");
    await page.goto(link);
    await expect(page.getByLabel("Group", { exact: true })).toHaveValue(new URL(link).searchParams.get("group")!);
    await page.locator("summary", { hasText: "The figures" }).nth(1).click();
    await expect(page.getByTestId("water-level-table").getByRole("row")).toHaveCount(13);

    await crumbs.getByRole("link", { name: "Product Engineering" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard: Product Engineering" })).toBeVisible();
    await expect(page.getByText("Teams 1–12 of 12")).toBeVisible();
    await page.getByRole("link", { name: "Payments" }).click();
    await expect(page).toHaveURL(/\/teams\/[^/]+\/trend$/);
    await expect(page.getByRole("heading", { name: "Payments: trend" })).toBeVisible();
    await page.context().close();
  });

  test("exports CSV that a CSV parser reads and that matches the screen", async ({ browser }) => {
    const page = await signInAs(browser, "viewer");
    await page.goto("/dashboard");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Heatmap as CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^stave-heatmap-organisation-\d{4}-\d{2}-\d{2}\.csv$/);
    const heatmapCsv = await page.request.get(`/dashboard/export/heatmap`);
    expect(heatmapCsv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const text = await heatmapCsv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parse(text.slice(1));
    expect(rows[0]).toEqual(["Team", "Group", "Assessed on", "CI/CD", "Observability", "Incident response", "Security", "Water level", "Weakest stave"]);
    expect(rows).toHaveLength(25);
    const screen = page.locator("table").last().locator("tbody tr");
    for (let i = 0; i < 24; i++) {
      const cells = await screen.nth(i).locator("td").allInnerTexts();
      const row = rows[i + 1]!;
      expect(row[0]).toBe((await screen.nth(i).locator("th a").innerText()).trim());
      expect(row[2]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // Water level, then each area score, as the screen shows them (one decimal).
      const shown = (cell: string) => cell.match(/\d\.\d/)?.[0];
      expect(formatScore(Number(row[7]))).toBe(shown(cells[4]!));
      for (let a = 0; a < 4; a++) expect(formatScore(Number(row[3 + a]))).toBe(shown(cells[a]!));
    }

    const quarters: string[][] = parse((await (await page.request.get(`/dashboard/export/quarters`)).text()).slice(1));
    await page.getByText("The figures").nth(1).click();
    const current = quarters.at(-1)!;
    const waterRow = page.getByTestId("water-level-table").getByRole("row").nth(1);
    await expect(waterRow.getByRole("cell").nth(0)).toHaveText(current[2]!);
    // The page's median (one decimal) is the CSV's (two decimals) rounded half up: 2.35 shows as 2.4 in both.
    await expect(waterRow.getByRole("cell").nth(1)).toHaveText(formatScore(Number(current[3])));
    // Bad filters get a specific answer, not a file.
    const bad = await page.request.get(`/dashboard/export/heatmap?quarters=5`);
    expect(bad.status()).toBe(400);
    expect((await bad.json()).detail).toBe("The period is 4, 8, 12 quarters.");
    await page.context().close();
  });

  test("shows no aggregate of a two-team group to a viewer outside it", async ({ browser }) => {
    const page = await signInAs(browser, "viewer");
    await page.goto("/dashboard");
    await page.getByRole("link", { name: /^Labs/ }).click();
    await expect(page.getByRole("heading", { name: "Dashboard: Labs" })).toBeVisible();
    await expect(page.getByTestId("aggregates-withheld")).toContainText("Too few teams to show without identifying them.");
    await expect(page.getByTestId("median-water-level")).toHaveCount(0);
    await expect(page.getByTestId("distribution-table")).toHaveCount(0);
    await expect(page.getByRole("img", { name: /Median water level per quarter/ })).toHaveCount(0);
    const csv: string[][] = parse((await (await page.request.get(`/dashboard/export/quarters${new URL(page.url()).search}`)).text()).slice(1));
    for (const row of csv.slice(1)) {
      expect(row[3]).toBe("");
      expect(row.at(-1)).toBe("yes: too few teams");
    }
    await expectAccessible(page);
    await page.context().close();
  });

  test("prints a report without navigation, charts included", async ({ browser }) => {
    const page = await signInAs(browser, "viewer");
    await page.goto("/dashboard");
    await page.getByRole("link", { name: "Print report" }).click();
    await expect(page).toHaveURL(/\/dashboard\/report/);
    await expect(page.getByRole("heading", { level: 1, name: "Demo Organisation" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("img", { name: /Share of each area among the weakest staves/ }).first()).toBeAttached();
    await expectAccessible(page);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
    await expect(page.getByRole("img", { name: /Median water level per quarter/ }).first()).toBeVisible();
    await page.context().close();
  });

  test("lets an admin arrange groups, and says what to do before deleting a group with teams", async ({ browser }) => {
    const page = await signInAs(browser, "admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Groups" }).click();
    await expect(page.getByRole("heading", { name: "Groups", level: 1 })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Name", { exact: true }).first().fill("Guild");
    await page.getByLabel("Inside").first().selectOption({ label: "\u2003Data" });
    await page.getByRole("button", { name: "Create group" }).click();
    await expect(page.getByText("Created “Guild”.")).toBeVisible();

    const team = page.getByLabel("Analytics");
    await team.selectOption({ label: "\u2003\u2003Guild" });
    await team.locator("xpath=ancestor::form").getByRole("button", { name: "Save" }).click();
    await expect(team.locator("xpath=ancestor::form").getByText("Saved.")).toBeVisible();

    // The team list narrows to one group and the groups inside it (a page at a time, in its link).
    await page.getByLabel("Show", { exact: true }).selectOption({ label: "\u2003\u2003Guild" });
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect(page).toHaveURL(/[?&]teams=/);
    await expect(page.getByRole("navigation", { name: "Team pages" })).toHaveText(/Teams 1–1 of 1/);
    await expect(page.getByLabel("Analytics")).toHaveValue(/./);
    await expectAccessible(page);

    const guild = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^Guild/ }) });
    await guild.getByRole("button", { name: "Delete" }).click();
    await expect(guild.getByText("“Guild” still holds 1 team. Move them to another group first, then delete it.")).toBeVisible();

    // The team's history went with it: the Guild dashboard has its assessments.
    await page.goto("/dashboard");
    await page.getByLabel("Group", { exact: true }).selectOption({ label: "\u2003\u2003Guild" });
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard: Guild" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Analytics" })).toBeVisible();
    await expect(page.getByText("Teams 1–1 of 1")).toBeVisible();
    await page.context().close();
  });

  test("marks a team whose next assessment is overdue, and lets the team's lead change its cadence", async ({ browser }) => {
    const viewer = await signInAs(browser, "viewer");
    const card = (page: Page, name: string) =>
      page
        .getByRole("list", { name: "Active teams" })
        .getByTestId("team-card")
        .filter({ has: page.getByRole("heading", { name, exact: true }) });
    // Networking stopped assessing three quarters ago; Payments assessed this quarter.
    await expect(card(viewer, "Networking").locator("[data-due]")).toHaveAttribute("data-due", "overdue");
    await expect(card(viewer, "Networking")).toContainText("Next assessment was due");
    await expect(card(viewer, "Payments").locator("[data-due]")).not.toHaveAttribute("data-due", "overdue");
    await viewer.getByRole("link", { name: "Payments", exact: true }).click();
    await expect(viewer.getByTestId("team-due")).toContainText("Every quarter");
    await expect(viewer.getByLabel("Assess the team")).toHaveCount(0); // a viewer cannot change it
    await viewer.context().close();

    const facilitator = await signInAs(browser, "facilitator");
    await facilitator.getByRole("link", { name: "Networking", exact: true }).click();
    await expect(facilitator.getByTestId("team-due")).toContainText("Next assessment was due");
    await facilitator.getByLabel("Assess the team").selectOption("none");
    await facilitator.getByRole("button", { name: "Save" }).click();
    await expect(facilitator.getByText("Saved: no fixed cadence.")).toBeVisible();
    await expect(facilitator.getByTestId("team-due")).toHaveText("No fixed cadence");
    await expectAccessible(facilitator);
    await facilitator.goto("/teams");
    await expect(card(facilitator, "Networking").locator("[data-due]")).toHaveCount(0);
    await facilitator.context().close();
  });

  test("the model library names ten of the many teams using a model and counts the rest", async ({ browser }) => {
    const page = await signInAs(browser, "viewer");
    await page.goto("/models");
    const usedBy = page
      .getByRole("list", { name: "Models" })
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: /^DevOps Core \d/ }) })
      .locator("p", { hasText: "Used by:" });
    await expect(usedBy).toContainText(/ and \d+ more teams$/);
    await expect(usedBy.getByRole("link")).toHaveCount(10);
    await page.context().close();
  });
});
