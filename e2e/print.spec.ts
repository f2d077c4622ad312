import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { devopsCore } from "./fixtures";
import { useOwnServer } from "./own-server";
import { printToPdf, type PrintedPdf } from "./pdf";
import { decodePng } from "./png";
import { startAssessment } from "./questionnaire";

// What a consultant hands over: the results, the dashboard report and the workshop report printed
// to A4 PDF by Chromium, turned into images and text with poppler, and read as the client would.
test.describe("printing to PDF", () => {
  test.describe.configure({ mode: "serial" });
  const server = useOwnServer(3270);

  test.beforeAll(async ({ browser }) => {
    const page = await (await browser.newContext({ baseURL: server.baseURL() })).newPage();
    await page.goto("/");
    await page.getByRole("button", { name: "Explore with demo data" }).click();
    await expect(page.getByRole("heading", { name: "The demo is ready" })).toBeVisible();
    await page.context().close();
  });

  async function signInAs(browser: Browser, role: string): Promise<Page> {
    const page = await (await browser.newContext({ baseURL: server.baseURL() })).newPage();
    await page.goto("/sign-in");
    await page.getByRole("button", { name: `Sign in as the ${role}` }).click();
    await expect(page).toHaveURL(/\/teams$/);
    return page;
  }

  /** The page's print button is there and keyboard operable (it opens the print dialog, which a test can't see; its call is counted). */
  async function expectPrintButton(page: Page) {
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    const button = page.getByRole("button", { name: "Print or save as PDF" });
    await expect.soft(button, "the page has a print button").toBeVisible();
    if (!(await button.isVisible())) return;
    await button.focus();
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  }

  /** What every printed report must hold to: no controls, no toggles, no heading left alone at the foot of a page. */
  async function expectHandOverable(page: Page, pdf: PrintedPdf) {
    const text = pdf.pages.map((p) => p.text).join("\n");
    for (const control of ["Print or save as PDF", "How was this computed?", "The figures", "Trend over time", "Back to the dashboard"]) {
      expect.soft(text, `"${control}" is printed`).not.toContain(control);
    }
    const headings = new Set((await page.locator("main h1:visible, main h2:visible, main h3:visible").allInnerTexts()).map(oneLine));
    pdf.pages.slice(0, -1).forEach((p, i) => {
      const lines = p.text.split("\n").map(oneLine).filter(Boolean);
      expect.soft(headings.has(lines.at(-1) ?? ""), `page ${i + 1} ends with the heading "${lines.at(-1)}"`).toBe(false);
    });
  }

  test("the results print on four A4 pages with the barrel filled, the radar whole and no toggles", async ({ browser }, testInfo) => {
    test.setTimeout(90_000);
    const page = await signInAs(browser, "owner");
    await page.getByRole("link", { name: "Payments", exact: true }).click();
    await page.getByRole("link", { name: "Full results" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Payments: results" })).toBeVisible();
    await expectPrintButton(page);

    const pdf = await printToPdf(page, testInfo, "results");
    // Header, headline, barrel, radar, what moved, last cycle, next steps, plan and 43 answers: it printed on 8 pages, then 5
    // (with a page for the last area alone), and 4 once the long sections dropped their boxes and notes went under their questions.
    expect.soft(pdf.pages.length).toBeLessThanOrEqual(4);
    await expectHandOverable(page, pdf);
    await expectBarrelFilled(page, pdf, testInfo);
    // The radar's shape (its translucent wood fill) lies on one page, under its heading and description.
    const radarFill: Rgb = [227, 208, 188]; // #b07a3f at 35 % on white
    const counts = pdf.pages.map((p) => countColour(decodePng(p.png), radarFill, 8));
    const radarPage = counts.indexOf(Math.max(...counts));
    expect(counts[radarPage], "the radar's shape is printed").toBeGreaterThan(200);
    expect(counts.reduce((sum, c) => sum + c, 0) - counts[radarPage]!, `radar pixels per page: ${counts.join(", ")}`).toBeLessThan(counts[radarPage]! / 10);
    expect(pdf.pages[radarPage]!.text).toContain("The same scores as a radar");
    await page.context().close();
  });

  test("the dashboard report prints with both charts whole and its tables open", async ({ browser }, testInfo) => {
    const page = await signInAs(browser, "viewer");
    await page.goto("/dashboard/report");
    await expect(page.getByRole("heading", { name: "Which area holds teams back" })).toBeVisible();
    await expectPrintButton(page);

    const pdf = await printToPdf(page, testInfo, "dashboard-report");
    expect.soft(pdf.pages.length).toBeLessThanOrEqual(4);
    await expectHandOverable(page, pdf);
    // Each chart lies on one page with its heading and the last row of its figures (so whole between them).
    for (const heading of ["Which area holds teams back", "Is the water level rising?"]) {
      const lastRow = oneLine(await page.getByRole("region", { name: heading }).locator("tbody tr").last().innerText());
      const on = pdf.pages.filter((p) => p.text.includes(heading));
      expect(on, heading).toHaveLength(1);
      expect(oneLine(on[0]!.text), heading).toContain(lastRow);
    }
    // The heatmap's heading and legend are on the page its first team is.
    const firstTeam = (await page.locator(".heatmap-table tbody th").first().innerText()).split("\n")[0]!;
    const heatmapPage = pdf.pages.filter((p) => p.text.includes("Teams by area"));
    expect(heatmapPage).toHaveLength(1);
    expect(heatmapPage[0]!.text).toContain(firstTeam);
    await page.context().close();
  });

  test("the workshop report prints with its questions, the next bottleneck and the areas", async ({ browser }, testInfo) => {
    test.setTimeout(90_000);
    const model = devopsCore();
    const page = await signInAs(browser, "facilitator");
    await page.getByRole("link", { name: "Search", exact: true }).click();
    await startAssessment(page, model);
    await page.getByRole("link", { name: "Run it as a live workshop" }).click();
    await page.getByRole("button", { name: "Open the workshop" }).click();
    const code = (await page.getByTestId("join-code").textContent())!;
    const phone = await (await browser.newContext({ baseURL: server.baseURL() })).newPage();
    await phone.goto(`/join?code=${code.replace("-", "")}`);
    await phone.getByRole("button", { name: "Join the workshop" }).click();
    await phone.getByRole("radio", { name: /^3 · / }).click();
    await expect(page.getByTestId("tally-summary")).toContainText("1 vote");
    await page.getByLabel("Agreed level").selectOption("3");
    await page.getByRole("button", { name: "Record as the team answer" }).click();
    await expect(page.getByTestId("consensus")).toHaveText("Recorded: level 3");
    await page
      .getByRole("link", { name: /report/i })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Workshop: Search" })).toBeVisible();
    await expectPrintButton(page);

    const pdf = await printToPdf(page, testInfo, "workshop-report");
    expect.soft(pdf.pages.length).toBeLessThanOrEqual(2);
    await expectHandOverable(page, pdf);
    const text = pdf.pages.map((p) => p.text).join("\n");
    expect(text).toContain(model.areas[0]!.questions[0]!.title);
    expect(text).toContain("Next bottleneck");
    await phone.context().close();
    await page.context().close();
  });
});

type Rgb = readonly [number, number, number];

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

function countColour(png: ReturnType<typeof decodePng>, colour: Rgb, tolerance: number): number {
  let count = 0;
  for (let y = 0; y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
      const p = png.pixel(x, y);
      if (p.every((v, i) => Math.abs(v - colour[i]!) <= tolerance)) count++;
    }
  return count;
}

/**
 * Every stave of the barrel on the first printed page has the colour it has on screen (wood, or
 * the weak colour for the weakest), sampled down its middle. A stave that lost its fill shows the
 * paper, or the water over paper, instead.
 */
async function expectBarrelFilled(page: Page, pdf: PrintedPdf, testInfo: TestInfo) {
  const barrel = page.getByTestId("barrel").locator("visible=true");
  const screen = decodePng(await barrel.screenshot({ path: testInfo.outputPath("barrel-on-screen.png") }));
  // Where the drawing and each stave are in the document, as laid out at the paper's width.
  const { svg, staves } = await barrel.evaluate((el) => {
    const at = (r: DOMRect) => ({ x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height });
    const paths = [...el.querySelectorAll('path[stroke="#6b4420"], path[stroke="#7c2d12"]')];
    return { svg: at(el.getBoundingClientRect()), staves: paths.map((p) => at(p.getBoundingClientRect())) };
  });
  expect(staves.length).toBeGreaterThanOrEqual(3);
  expect(svg.y + svg.height, "the barrel is on the first page").toBeLessThan(pdf.contentHeight);
  const printed = decodePng(pdf.pages[0]!.png);
  // Most points down each stave match the screen; a point or two may fall on a hoop or the water's edge a pixel away.
  const unfilled = staves.flatMap((s, i) => {
    const samples = [0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85].map((f) => {
      const [x, y] = [s.x + s.width / 2, s.y + s.height * f];
      const want = screen.pixel(Math.round(x - svg.x), Math.round(y - svg.y));
      const got = average(printed, (pdf.margin.left + x) * pdf.scale, (pdf.margin.top + y) * pdf.scale);
      return { f, want, got, off: want.reduce((sum, v, c) => sum + Math.abs(v - got[c]!), 0) };
    });
    const misses = samples.filter((p) => p.off > 75);
    return misses.length > samples.length / 4
      ? [`stave ${i + 1}: ${misses.map((p) => `at ${p.f} screen ${p.want.join(",")}, PDF ${p.got.join(",")}`).join("; ")}`]
      : [];
  });
  expect(unfilled).toEqual([]);
}

/** The mean colour of the 3×3 pixels around a point. */
function average(png: ReturnType<typeof decodePng>, x: number, y: number): Rgb {
  const near = [-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => png.pixel(Math.round(x) + dx, Math.round(y) + dy)));
  const mean = (c: number) => Math.round(near.reduce((sum, p) => sum + p[c]!, 0) / near.length);
  return [mean(0), mean(1), mean(2)];
}
