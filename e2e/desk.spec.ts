import { expect, test, type Browser, type Page } from "@playwright/test";
import type { AnswerValue } from "../lib/answer";
import { formatScore } from "../lib/format";
import { scoreAssessment } from "../lib/scoring";
import { createInvitationLink } from "./access";
import { createTeam, devopsCore, expectAccessible, screenshotsTo, signUpWithOrganisation, uniqueName } from "./fixtures";
import { twoColourPng } from "./png";
import { startAssessment } from "./questionnaire";

const model = devopsCore();

/** Every question at `level`, the questions of one area one lower: that area is the weakest stave. */
function answersWithWeakest(level: number, weakArea: number): Map<string, AnswerValue> {
  return new Map(
    model.areas.flatMap((area, a) => area.questions.map((q) => [q.id, { kind: "level", level: a === weakArea ? level - 1 : level } as AnswerValue])),
  );
}

/** Creates a team and submits its first assessment; returns the team's id and what its barrel must say. */
async function assessedTeam(page: Page, name: string, answers: Map<string, AnswerValue>) {
  const teamId = await createTeam(page, name);
  const questionnaire = await startAssessment(page, model);
  await questionnaire.answerAll(answers);
  await questionnaire.submit();
  const score = scoreAssessment(model, answers);
  const weakest = model.areas.filter((a) => score.weakest.includes(a.id)).map((a) => a.name);
  return { teamId, summary: `${name}: Water level ${formatScore(score.waterLevel)} of 5; weakest stave ${weakest.join(", ")}`, weakest: weakest[0]! };
}

/** Screenshots for looking at, only when asked for (DESK_SCREENSHOTS=folder). */
const shots = screenshotsTo("DESK_SCREENSHOTS");

async function ownerWithAssessedTeam(browser: Browser, label: string, team: string, answers: Map<string, AnswerValue>, role: string) {
  const page = await (await browser.newContext()).newPage();
  const owner = await signUpWithOrganisation(page, label);
  const assessed = await assessedTeam(page, team, answers);
  return { page, owner, ...assessed, invitation: await createInvitationLink(page, role) };
}

test.describe("the consultant's desk", () => {
  test("a consultant in three organisations sees each with its true figures, and nothing more of one they were removed from", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const bolt = await ownerWithAssessedTeam(browser, "Bolt owner", uniqueName("Beta"), answersWithWeakest(4, 1), "Viewer");
    const cove = await ownerWithAssessedTeam(browser, "Cove owner", uniqueName("Gamma"), answersWithWeakest(3, 2), "Member");

    const connie = await signUpWithOrganisation(page, "Consultant");
    const alpha = await assessedTeam(page, uniqueName("Alpha"), answersWithWeakest(3, 0));
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Desk" })).toHaveCount(0);
    for (const link of [bolt.invitation, cove.invitation]) {
      await page.goto(link);
      await page.getByRole("button", { name: "Accept and join" }).click();
      await expect(page).toHaveURL(/\/teams$/);
    }

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Desk" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your desk" })).toBeVisible();
    const panels = page.getByTestId("desk-organisation");
    await expect(panels).toHaveCount(3);
    for (const [org, role, team] of [
      [connie.organisation, "Owner", alpha],
      [bolt.owner.organisation, "Viewer", bolt],
      [cove.owner.organisation, "Member", cove],
    ] as const) {
      const panel = page.getByRole("region", { name: org });
      await expect(panel).toContainText(role);
      await expect(panel.getByRole("img", { name: team.summary })).toBeVisible();
      await expect(panel.getByTestId("common-weakest")).toHaveText(`${team.weakest} is the weakest stave of 1 of 1 assessed team`);
    }
    // A viewer of Bolt is not shown its workshops (they show a team's draft answers).
    await expect(page.getByRole("region", { name: bolt.owner.organisation }).getByRole("heading", { name: /Workshops/ })).toHaveCount(0);
    await expectAccessible(page);
    await shots(page, "desk");

    // A team link into another organisation is a form (switching is a change, never a GET): a button that reads as a link, worked with the keyboard.
    const alphaButton = page.getByRole("region", { name: connie.organisation }).getByRole("button", { name: alpha.summary.split(":")[0], exact: true });
    await alphaButton.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/teams/${alpha.teamId}$`));
    await expect(page.getByLabel("Organisation", { exact: true }).locator("option:checked")).toHaveText(connie.organisation);

    // Switching organisation keeps the page where it exists there, else goes to its section's list.
    const switcher = page.getByLabel("Organisation", { exact: true });
    await switcher.selectOption({ label: cove.owner.organisation });
    await expect(page).toHaveURL(/\/teams$/);
    await page.goto("/dashboard");
    await switcher.selectOption({ label: bolt.owner.organisation });
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: `Dashboard: ${bolt.owner.organisation}` })).toBeVisible();

    // Bolt's owner removes the consultant: a desk loaded before (in another organisation) switches nothing into Bolt, and Bolt and its figures are gone from the desk.
    await switcher.selectOption({ label: connie.organisation });
    await expect(page.getByRole("heading", { level: 1, name: `Dashboard: ${connie.organisation}` })).toBeVisible();
    await page.goto("/desk");
    const boltId = (await page.getByRole("heading", { level: 2, name: bolt.owner.organisation }).getAttribute("id"))!.replace(/^org-/, "");
    await bolt.page.goto("/members");
    await bolt.page.getByRole("button", { name: `Remove ${connie.name}` }).click();
    await expect(bolt.page.getByRole("list", { name: "Members" })).not.toContainText(connie.email);
    const stale = page.getByRole("region", { name: bolt.owner.organisation });
    await stale.getByRole("button", { name: `Dashboard of ${bolt.owner.organisation}` }).click();
    await expect(stale.getByRole("alert")).toHaveText("You are no longer in that organisation.");
    await expect(page).toHaveURL(/\/desk$/);
    await page.reload();
    await expect(panels).toHaveCount(2);
    await expect(page.getByRole("main")).not.toContainText(bolt.owner.organisation);
    await expect(page.getByRole("main")).not.toContainText(bolt.summary.split(":")[0]!);
    // A link (a GET) switches nothing: there is no such address.
    expect((await page.request.get(`/desk/open?organisation=${boltId}&to=%2Fdashboard`, { maxRedirects: 0 })).status()).toBe(404);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Desk" })).toBeVisible();
  });

  test("the workshops list leads to console, presenter and report; the report carries the organisation's name, logo and facilitator", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const connie = await signUpWithOrganisation(page, "Consultant");
    const team = uniqueName("Payments");
    await assessedTeam(page, team, answersWithWeakest(3, 0));
    const resultsUrl = page.url();
    await page.getByRole("link", { name: team, exact: true }).first().click();
    await startAssessment(page, model);
    await page.getByRole("link", { name: "Run it as a live workshop" }).click();
    await page.getByRole("button", { name: "Open the workshop" }).click();
    await expect(page.getByTestId("join-code")).toBeVisible();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workshops" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Workshops of ${connie.organisation}` })).toBeVisible();
    const row = page.getByTestId("workshop-row").filter({ hasText: team });
    await expect(row).toContainText("Running");
    await expect(row).toContainText(`facilitated by ${connie.name}`);
    await expectAccessible(page);
    await shots(page, "workshops");
    await row.getByRole("link", { name: `Presenter view of the ${team} workshop` }).click();
    await expect(page).toHaveURL(/\/workshops\/[0-9a-f-]+\/present$/);
    await expect(page.getByRole("heading", { level: 1, name: model.areas[0]!.questions[0]!.title })).toBeVisible();
    await page.goBack();
    await row.getByRole("link", { name: `Console of the ${team} workshop` }).click();
    await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]+\/workshop$/);
    await expect(page.getByTestId("join-code")).toBeVisible();
    await page.goto("/workshops");
    await row.getByRole("link", { name: `Report of the ${team} workshop` }).click();
    await expect(page).toHaveURL(/\/workshops\/[0-9a-f-]+\/report$/);
    await expect(page.getByRole("heading", { level: 1, name: `Workshop: ${team}` })).toBeVisible();
    const reportUrl = page.url();

    // The logo: refused when not an image or too big, shown once a PNG is uploaded.
    await page.goto("/teams");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Organisation settings" })).toBeVisible();
    await expectAccessible(page);
    const file = page.getByLabel("Logo file");
    await file.setInputFiles({
      name: "logo.svg",
      mimeType: "image/svg+xml",
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    });
    await page.getByRole("button", { name: "Upload the logo" }).click();
    await expect(page.getByText("This file is not a PNG, JPEG or WebP image.", { exact: false })).toBeVisible();
    await file.setInputFiles({
      name: "huge.png",
      mimeType: "image/png",
      buffer: Buffer.concat([twoColourPng(4, 4, [0, 0, 0], [0, 0, 0]), Buffer.alloc(300 * 1024)]),
    });
    await expect(page.getByText(/a logo may be at most 200 KB/)).toBeVisible();
    await file.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: twoColourPng(160, 48, [176, 122, 63], [43, 143, 196]) });
    await page.getByRole("button", { name: "Upload the logo" }).click();
    await expect(page.getByText("The logo is saved.")).toBeVisible();
    await expect(page.getByRole("img", { name: `Logo of ${connie.organisation}` })).toBeVisible();

    // The workshop report and the results print carry the name, the logo and who stands behind them.
    for (const [url, person] of [
      [reportUrl, `Facilitated by ${connie.name}`],
      [resultsUrl, `Prepared by ${connie.name}`],
    ] as const) {
      await page.goto(url);
      const handOver = page.getByTestId("hand-over");
      await expect(handOver).toContainText(connie.organisation);
      await expect(handOver).toContainText(person);
      const logo = handOver.getByRole("img", { name: `Logo of ${connie.organisation}` });
      await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(160);
      await page.emulateMedia({ media: "print" });
      await expect(logo).toBeVisible();
      await page.emulateMedia({ media: "screen" });
    }
    await expectAccessible(page);
    await page.goto("/dashboard/report");
    await expect(page.getByTestId("hand-over")).toContainText(`Prepared by ${connie.name}`);
    await expect(page.getByTestId("hand-over").getByRole("img", { name: `Logo of ${connie.organisation}` })).toBeVisible();
    await expectAccessible(page);
    await page.goto(reportUrl);
    await shots(page, "report");

    // The logo is the organisation's: its member gets it, anyone else finds nothing there.
    const logoSrc = (await page.getByTestId("hand-over").getByRole("img").getAttribute("src"))!;
    const own = await page.request.get(logoSrc);
    expect(own.status()).toBe(200);
    expect(own.headers()["content-type"]).toBe("image/png");
    expect(own.headers()["cache-control"]).toContain("private");
    const stranger = await (await browser.newContext()).newPage();
    await signUpWithOrganisation(stranger, "Stranger");
    expect((await stranger.request.get(logoSrc)).status()).toBe(404);
  });
});
