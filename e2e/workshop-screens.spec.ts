import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { createTeam, devopsCore, expectAccessible, signUpWithOrganisation, uniqueName } from "./fixtures";
import { startAssessment } from "./questionnaire";

// The screens of a workshop as a room sees them: the projector legible and whole at 1280×720 and
// using a 1920×1080 one, the console on one laptop screen, and counts that tell the truth.

const model = devopsCore();
const [q1] = model.areas[0]!.questions;

type WithStreams = { workshopStreams: EventSource[] };

/** Keeps every event stream a page opens, so a test can break them as a lost connection would. */
function keepStreams() {
  const Native = window.EventSource;
  const kept: EventSource[] = [];
  (window as unknown as WithStreams).workshopStreams = kept;
  window.EventSource = class extends Native {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      kept.push(this);
    }
  };
}

const breakStreams = (page: Page) =>
  page.evaluate(() => {
    for (const stream of (window as unknown as WithStreams).workshopStreams) stream.dispatchEvent(new Event("error"));
  });

/** Signs up, opens a workshop on a new team's draft, and opens the presenter view in a second tab. */
async function openWorkshop(page: Page): Promise<{ code: string; presenter: Page }> {
  await page.context().addInitScript(keepStreams);
  await signUpWithOrganisation(page);
  await createTeam(page, uniqueName("Screens"));
  await startAssessment(page, model);
  await page.getByRole("link", { name: "Run it as a live workshop" }).click();
  await page.getByRole("button", { name: "Open the workshop" }).click();
  const code = (await page.getByTestId("join-code").textContent())!;
  const presenter = await page.context().newPage();
  await presenter.setViewportSize({ width: 1280, height: 720 });
  await presenter.goto((await page.getByRole("link", { name: /Open the presenter view/ }).getAttribute("href"))!);
  await expect(presenter.getByRole("heading", { level: 1 })).toHaveText(q1!.title);
  return { code, presenter };
}

async function join(browser: Browser, code: string, name: string): Promise<Page> {
  const phone = await (await browser.newContext()).newPage();
  await phone.goto(`/join?code=${code.replace("-", "")}`);
  await phone.getByLabel("Your name (optional)").fill(name);
  await phone.getByRole("button", { name: "Join the workshop" }).click();
  await expect(phone).toHaveURL(/\/w$/);
  return phone;
}

const vote = (phone: Page, level: number) => phone.getByRole("radio", { name: new RegExp(`^${level} · `) }).click();

async function box(locator: Locator) {
  await expect(locator).toBeVisible();
  const found = await locator.boundingBox();
  if (!found) throw new Error("not laid out");
  return found;
}

/** Wholly on screen as the page first shows it: no scrolling to find it. */
async function expectOnScreen(page: Page, locator: Locator) {
  const { width, height } = page.viewportSize()!;
  const b = await box(locator);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect({ left: b.x >= 0, top: b.y >= 0, right: b.x + b.width <= width, bottom: b.y + b.height <= height }).toEqual({
    left: true,
    top: true,
    right: true,
    bottom: true,
  });
}

/** The bars of a distribution, one per level then unsure and not applicable, each with its track. */
async function bars(scope: Locator) {
  const distribution = scope.getByTestId("distribution");
  const tracks = await Promise.all((await distribution.getByTestId("bar-track").all()).map(box));
  const filled = await Promise.all((await distribution.getByTestId("bar").all()).map((b) => b.boundingBox()));
  return { tracks, filled };
}

async function expectEqualBars(scope: Locator, levels: [number, number]) {
  const { tracks, filled } = await bars(scope);
  // Every track starts at one x and is as wide as the others, whatever its label.
  for (const t of tracks) {
    expect(Math.abs(t.x - tracks[0]!.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(t.width - tracks[0]!.width)).toBeLessThanOrEqual(1);
  }
  const [a, b] = levels.map((l) => filled[l - 1]!);
  expect(a!.width).toBeGreaterThan(10);
  expect(Math.abs(a!.width - b!.width)).toBeLessThanOrEqual(1);
  expect(Math.abs(a!.x - b!.x)).toBeLessThanOrEqual(1);
}

test.describe("a workshop's screens", () => {
  test("the projector shows the question, levels, count, timer and join code on a 1280×720 screen, uses a 1920×1080 one, and draws equal counts as equal bars", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const { code, presenter } = await openWorkshop(page);
    const qr = presenter.getByRole("img", { name: /QR code for/ });
    // An empty room: the QR large enough to scan from the back.
    expect((await box(qr)).width).toBeGreaterThanOrEqual(200);

    const [ana, ben] = [await join(browser, code, "Ana"), await join(browser, code, "Ben")];
    await expect(presenter.getByTestId("presenter-count")).toHaveText("0 of 2 voted");
    // People have joined: the QR shrinks into a corner.
    await expect(qr).toHaveCount(1);
    await expect.poll(async () => (await box(qr)).width).toBeLessThanOrEqual(120);
    await page.getByRole("button", { name: "Start a 1-minute timer" }).click();
    await expect(presenter.getByTestId("countdown")).toHaveText(/^[01]:\d\d left$/);

    const count = presenter.getByTestId("presenter-count");
    const levels = presenter.getByRole("list", { name: "Levels" });
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await presenter.setViewportSize(size);
      for (const shown of [
        presenter.getByRole("heading", { level: 1 }),
        levels,
        count,
        presenter.getByTestId("countdown"),
        presenter.getByTestId("presenter-join-code"),
      ])
        await expectOnScreen(presenter, shown);
      // The levels are not hidden behind the status strip.
      const [list, counted] = [await box(levels), await box(count)];
      expect(list.y + list.height).toBeLessThanOrEqual(counted.y);
      await expect(levels.getByRole("listitem")).toHaveCount(model.scale.length);
    }
    // At 1920×1080 the content uses the width, not a column in the middle.
    expect((await box(levels)).width).toBeGreaterThan(1600);
    await expectAccessible(presenter);

    // The stream breaks: the projector says so and the count may be behind, on the console too;
    // the next view from the stream clears it.
    await Promise.all([presenter, page].map(breakStreams));
    await expect(presenter.getByText("Reconnecting… the count may be behind")).toBeVisible();
    await expect(presenter.getByText("may be behind", { exact: true })).toBeVisible();
    await expect(page.getByTestId("console-status")).toContainText("Reconnecting… the count may be behind");
    await expectOnScreen(presenter, count);
    await page.getByRole("button", { name: "Stop the timer" }).click();
    await expect(presenter.getByText("Reconnecting… the count may be behind")).toHaveCount(0);
    await expect(page.getByTestId("console-status")).toHaveText("Live · Voting, round 1");

    // Two levels with one vote each (labels of different lengths): equal bars from one baseline.
    await vote(ana, 2);
    await vote(ben, 4);
    await expect(presenter.getByTestId("tally-summary")).toContainText("2 votes");
    await expectEqualBars(presenter.locator("body"), [2, 4]);
    await presenter.setViewportSize({ width: 1280, height: 720 });
    await expectEqualBars(presenter.locator("body"), [2, 4]);
    await expectOnScreen(presenter, presenter.getByTestId("tally-summary"));
    await expectEqualBars(page.locator("main"), [2, 4]);
    await expectAccessible(presenter);
  });

  test("the console fits a 1366×768 laptop, folds the join panel once people joined, and removes a person voted for everywhere", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    const { code, presenter } = await openWorkshop(page);
    const panel = page.getByTestId("join-panel");
    await expect(panel).toHaveAttribute("open", "");
    await expect(page.getByRole("img", { name: /QR code for/ })).toBeVisible();

    const ana = await join(browser, code, "Ana");
    await expect(page.getByTestId("voted-count")).toHaveText("0 of 1 voted");
    // Someone joined: the panel folds to its one line, the code still readable.
    await expect(panel).not.toHaveAttribute("open");
    await expect(page.getByRole("img", { name: /QR code for/ })).toBeHidden();
    await expect(panel.locator("summary")).toContainText(code);

    // Two people without a device; the facilitator votes for them.
    for (const [name, level] of [
      ["Dee", "3"],
      ["Eve", "4"],
    ]) {
      await page.getByLabel("Their name").fill(name!);
      await page.getByLabel("Their vote").selectOption(level!);
      await page.getByRole("button", { name: "Add their vote" }).click();
      await expect(page.getByText(`Added ${name}'s vote.`)).toBeVisible();
    }
    await expect(page.getByTestId("voted-count")).toHaveText("2 of 3 voted");
    await expect(page.getByTestId("waiting")).toHaveText("Auto-reveal waits for: Ana");
    await page.getByRole("button", { name: "Start a 1-minute timer" }).click();
    await expect(page.getByTestId("countdown")).toBeVisible();

    // Everything to run a question is on one screen without scrolling.
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const control of [
      page.getByRole("button", { name: "Reveal the votes" }),
      page.getByRole("button", { name: "Previous question" }),
      page.getByRole("button", { name: "Next question" }),
      page.getByRole("button", { name: "Stop the timer" }),
      page.getByTestId("countdown"),
      page.getByTestId("voted-count"),
      page.getByRole("button", { name: "Record as the team answer" }),
    ])
      await expectOnScreen(page, control);
    await expectAccessible(page);

    // Dee was added by mistake: removed, with her vote, on the console and the projector.
    await expect(presenter.getByTestId("presenter-count")).toHaveText("2 of 3 voted");
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Remove Dee" }).click();
    await expect(page.getByText("Removed Dee and their votes.")).toBeVisible();
    await expect(page.getByTestId("voted-count")).toHaveText("1 of 2 voted");
    await expect(presenter.getByTestId("presenter-count")).toHaveText("1 of 2 voted");
    await expect(page.getByRole("list", { name: "People you vote for" })).toHaveText(/^Eve/);
    // Someone on their own phone is not offered for removal.
    await expect(page.getByRole("button", { name: "Remove Ana" })).toHaveCount(0);

    // The last vote reveals: the console still fits, the team answer's button included.
    await vote(ana, 3);
    await expect(page.getByTestId("tally-summary")).toContainText("2 votes");
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const control of [
      page.getByRole("button", { name: "Vote again" }),
      page.getByRole("button", { name: "Next question" }),
      page.getByRole("button", { name: "Record as the team answer" }),
    ])
      await expectOnScreen(page, control);
    await expectAccessible(page);
  });
});
