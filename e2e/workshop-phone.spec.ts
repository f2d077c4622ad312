import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createTeam, devopsCore, expectAccessible, signUpWithOrganisation, uniqueName } from "./fixtures";
import { useOwnServer } from "./own-server";
import { startAssessment } from "./questionnaire";

// A participant's phone in a meeting room: the state bar at the top is the one place it tells what
// is happening, and it must be in view and true whatever happened (a vote, a reveal, a refusal, a
// frozen wifi, a restarted server, the end).

const PHONE = { width: 390, height: 844 };
const model = devopsCore();
const q2 = model.areas[0]!.questions[1];
const levelButton = (page: Page, level: number) => page.getByRole("radio", { name: new RegExp(`^${level} · `) });
const bar = (page: Page) => page.getByRole("status");
const EVENTS = "**/api/workshop/events";

/** The state bar is on screen, whole, wherever the page is scrolled. */
async function expectBarInView(page: Page) {
  const box = (await bar(page).boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
}

/** Opens a workshop on a new draft; the page is left on the facilitator's console. */
async function openWorkshop(page: Page): Promise<string> {
  await signUpWithOrganisation(page);
  await createTeam(page, uniqueName("Phones"));
  await startAssessment(page, model);
  await page.getByRole("link", { name: "Run it as a live workshop" }).click();
  await page.getByRole("button", { name: "Open the workshop" }).click();
  return (await page.getByTestId("join-code").textContent())!;
}

/** A phone joins; `prepare` may hold its event stream before the page opens it. */
async function joinOnPhone(
  browser: Browser,
  code: string,
  name: string,
  options: { baseURL?: string; prepare?: (context: BrowserContext) => Promise<void> } = {},
) {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, ...(options.baseURL && { baseURL: options.baseURL }) });
  await options.prepare?.(context);
  const page = await context.newPage();
  await page.goto(`/join?code=${code}`);
  await page.getByLabel("Your name (optional)").fill(name);
  await page.getByRole("button", { name: "Join the workshop" }).click();
  await expect(page).toHaveURL(/\/w$/);
  return page;
}

/** An event stream that opens and never says a word, as on a frozen wifi; `release()` lets new ones through. */
async function frozenStream(context: BrowserContext) {
  let frozen = true;
  await context.route(EVENTS, async (route) => {
    if (!frozen) await route.continue();
    // Frozen: the request is left unanswered.
  });
  return () => {
    frozen = false;
  };
}

test.describe("a workshop on a phone", () => {
  test("the state bar stays in view and says saved, revealed, refused on a screen that froze, and catches up when the stream is back", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const code = await openWorkshop(page);
    const ana = await joinOnPhone(browser, code, "Ana");
    const ben = await joinOnPhone(browser, code, "Ben");
    await expect(bar(ana)).toContainText("Your vote, please");
    await expect(ana.locator("#count")).toHaveText("0 of 2 voted");
    await expectBarInView(ana);

    await levelButton(ana, 3).click();
    await expect(bar(ana)).toContainText(`Saved: 3 ${model.scale[2]!.label}`);
    await expect(bar(ana)).toContainText("1 of 2 voted");
    // Sticky: scrolled to the last choice, the bar is still there.
    await ana.getByRole("radio", { name: /^Not applicable/ }).scrollIntoViewIfNeeded();
    await expectBarInView(ana);

    // Ben's vote reveals them (everyone has voted): the phone says the result and shows the room's tally without scrolling.
    await levelButton(ben, 4).click();
    await expect(bar(ana)).toContainText("Revealed: median 3, spread 1 · you voted 3");
    await expectBarInView(ana);
    const result = ana.getByRole("region", { name: "How the room voted" });
    // Its top just under the bar, on screen: not hidden behind it, not below the fold.
    await expect
      .poll(async () => {
        const [top, under] = [(await result.boundingBox())!.y, (await bar(ana).boundingBox())!];
        return top >= under.y + under.height - 1 && top < PHONE.height - 100;
      })
      .toBe(true);
    await expect(result.getByRole("listitem").filter({ hasText: "(you)" })).toContainText("3 ");
    await expectAccessible(ana);

    // A new question starts at its title.
    await page.getByRole("button", { name: "Next question" }).click();
    await expect(ana.getByRole("heading", { level: 1 })).toHaveText(q2!.title);
    await expect.poll(() => ana.evaluate(() => window.scrollY)).toBe(0);
    await expect(bar(ana)).toContainText("Your vote, please");

    // Cy's wifi freezes as he joins: no event, no error. The bar says so and the page keeps trying.
    let release = () => {};
    const cy = await joinOnPhone(browser, code, "Cy", { prepare: async (context) => void (release = await frozenStream(context)) });
    await expect(cy.getByRole("heading", { level: 1 })).toHaveText(q2!.title);
    await expect(bar(cy)).toContainText("Reconnecting…", { timeout: 20_000 });
    await expect(cy.locator("#count")).toHaveText("0 of 3 voted");
    await levelButton(ana, 2).click();
    await expect(bar(ana)).toContainText("Saved: 2 ");
    await page.getByRole("button", { name: "Reveal the votes" }).click();
    await expect(bar(ana)).toContainText("Revealed: median 2, spread 0 · you voted 2");
    // His screen still shows the question open; his vote is refused, with the reason.
    await levelButton(cy, 4).click();
    await expect(bar(cy)).toContainText("Vote not taken");
    await expect(bar(cy)).toContainText("the facilitator has revealed them");
    await expectBarInView(cy);
    // The wifi comes back: the page opens a new stream by itself and shows the room as it is now.
    release();
    await expect(bar(cy)).toContainText("Revealed: median 2, spread 0 · you did not vote", { timeout: 15_000 });
    await expect(cy.locator("#count")).toHaveText("1 of 3 voted");
  });

  test("a vote that arrives after the timer ran out is told time is up", async ({ page, browser }) => {
    test.setTimeout(150_000);
    const code = await openWorkshop(page);
    const ana = await joinOnPhone(browser, code, "Ana");
    // Every time the console's countdown shows, from the first frame: it never starts from an old clock reading.
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { countdownsSeen: seen });
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="countdown"]')?.textContent;
        if (text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole("button", { name: "Start a 1-minute timer" }).click();
    await expect(ana.locator("#timer")).toHaveText(/^[01]:\d\d left$/);
    await expect(page.getByTestId("countdown")).toHaveText(/^[01]:\d\d left$/);
    const seen = await page.evaluate(() => (window as unknown as { countdownsSeen: string[] }).countdownsSeen);
    const seconds = seen.map((text) => text.match(/^(\d+):(\d\d) left$/)).map((m) => (m ? Number(m[1]) * 60 + Number(m[2]) : 0));
    expect(Math.max(...seconds)).toBeLessThanOrEqual(60);
    await expectBarInView(ana);
    // The console's stream goes silent: it says so instead of "Live", and is live again once the stream is back.
    await page.route("**/api/workshops/*/events", () => {});
    await page.reload();
    await expect(page.getByText("Reconnecting…")).toBeVisible({ timeout: 20_000 });
    await page.unroute("**/api/workshops/*/events");
    await expect(page.getByText(/^Live/)).toBeVisible({ timeout: 15_000 });
    // Ben's screen froze after the timer started: his countdown runs on, his choices look open.
    const ben = await joinOnPhone(browser, code, "Ben", { prepare: async (context) => void (await frozenStream(context)) });
    await expect(ben.locator("#timer")).toHaveText(/^[01]:\d\d left$/);
    await levelButton(ana, 3).click();
    await expect(bar(ana)).toContainText("Saved: 3 ");
    // The timer closes the votes: no "the facilitator revealed them" on a phone.
    await expect(bar(ana)).toContainText("Time is up: median 3, spread 0 · you voted 3", { timeout: 75_000 });
    await expect(ana.locator("#timer")).toHaveText("");
    await levelButton(ben, 2).click();
    await expect(bar(ben)).toContainText("Vote not taken");
    await expect(bar(ben)).toContainText("Time is up: votes on this question are closed");
  });
});

test.describe("a phone across a restart and the end", () => {
  const server = useOwnServer(3120);

  test("a vote sent while the server restarts is saved once it is back; the end closes the stream and a reload says it ended", async ({ browser }) => {
    test.setTimeout(180_000);
    const desk = await (await browser.newContext({ baseURL: server.baseURL() })).newPage();
    const code = await openWorkshop(desk);
    const ana = await joinOnPhone(browser, code, "Ana", { baseURL: server.baseURL() });
    await joinOnPhone(browser, code, "Ben", { baseURL: server.baseURL() });
    await levelButton(ana, 3).click();
    await expect(bar(ana)).toContainText("Saved: 3 ");

    const restarted = server.restart();
    await expect(bar(ana)).toContainText("Reconnecting…");
    await levelButton(ana, 4).click();
    await expect(bar(ana)).toContainText("Sending your vote: 4 ");
    await expect(bar(ana)).toContainText("Not sent yet: trying again…");
    await expectBarInView(ana);
    await restarted;
    await expect(bar(ana)).toContainText(`Saved: 4 ${model.scale[3]!.label}`, { timeout: 20_000 });
    await expect(bar(ana)).toContainText("1 of 2 voted");
    await expect(levelButton(ana, 4)).toHaveAttribute("aria-checked", "true");

    // The end: the phone says so and its stream is closed, not opened again.
    const streams: string[] = [];
    ana.on("request", (request) => void (request.url().endsWith("/api/workshop/events") && streams.push(request.url())));
    desk.once("dialog", (d) => void d.accept());
    await desk.getByRole("button", { name: "End the workshop" }).click();
    await expect(ana.getByRole("heading", { name: "This workshop has ended" })).toBeVisible();
    await expect(bar(ana)).toContainText("Workshop ended");
    await expect(ana.getByRole("radio")).toHaveCount(0);
    // Longer than the stream's retry and the page's own reconnect delay: nothing is asked for again.
    await ana.waitForTimeout(4_000);
    expect(streams).toEqual([]);

    // Reloaded after the end: the same page, not a form to join another workshop.
    await ana.reload();
    await expect(ana).toHaveURL(/\/w$/);
    await expect(ana.getByRole("heading", { name: "This workshop has ended" })).toBeVisible();
    await expect(ana.getByText("Thank you for taking part")).toBeVisible();
    await expect(ana.getByRole("radio")).toHaveCount(0);
    await expectBarInView(ana);
    await expectAccessible(ana);
  });
});
