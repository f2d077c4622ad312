// What answering costs a person, counted in a real browser (Debian's Chromium, through Playwright):
// the words a first assessment shows by default, area by area, on a laptop and on a phone; the time
// the questionnaire estimates for it; and the clicks a re-assessment in which nothing changed takes
// from "Start an assessment" to its results. Counts, not timings: they do not depend on the machine.
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../chromium.mjs";

const VIEWPORTS = [
  { name: "laptop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

/**
 * Words a person can see in an element: text in the layout, not hidden (display: none, `hidden`)
 * and not visually hidden for screen readers only (a 1-pixel clip), each word once.
 */
function visibleWords(selector) {
  const root = document.querySelector(selector);
  if (!root) return 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let words = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || !element.checkVisibility({ visibilityProperty: true })) continue;
    let shown = true;
    for (let e = element; e && e !== root.parentElement; e = e.parentElement) {
      const box = e.getBoundingClientRect();
      if (box.width <= 1 && box.height <= 1) shown = false;
    }
    if (shown) words += node.textContent.split(/\s+/).filter(Boolean).length;
  }
  return words;
}

async function signedInContext(browser, server, cookie, viewport) {
  const context = await browser.newContext({ viewport });
  const separator = cookie.indexOf("=");
  await context.addCookies([{ name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: server.url }]);
  return context;
}

/** Every area of a blank draft in turn: the page around the areas once, and each area's section. */
async function wordsOfFirstAssessment(browser, server, cookie, draftPath, viewport) {
  const context = await signedInContext(browser, server, cookie, viewport);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}${draftPath}`, { waitUntil: "networkidle" });
    const estimate = (await page.getByTestId("time-left").textContent())?.trim();
    const areas = await page.getByRole("list", { name: "Assessment areas" }).getByRole("listitem").count();
    let words = await page.evaluate(visibleWords, "main");
    words -= await page.evaluate(visibleWords, "section[aria-labelledby=area-heading]");
    const perArea = [];
    for (let i = 0; i < areas; i++) {
      if (i > 0) {
        await page.getByRole("button", { name: /^Next area:/ }).click();
        await page.locator("section[aria-labelledby=area-heading] fieldset").first().waitFor();
      }
      perArea.push(await page.evaluate(visibleWords, "section[aria-labelledby=area-heading]"));
    }
    return { viewport: viewport.name, words: words + perArea.reduce((a, b) => a + b, 0), perArea, estimate };
  } finally {
    await context.close();
  }
}

/** From the team page: start from the last answers, confirm each area as it comes, submit; every click counted. */
async function clicksOfUnchangedReassessment(browser, server, cookie, teamPath) {
  const context = await signedInContext(browser, server, cookie, VIEWPORTS[0]);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}${teamPath}`, { waitUntil: "networkidle" });
    const offer = (await page.locator("label", { hasText: "The last answers" }).textContent())?.trim();
    let clicks = 0;
    await page.getByRole("button", { name: "Start an assessment" }).click();
    clicks++;
    await page.waitForURL(/\/assessments\/[0-9a-f-]+$/);
    const carried = (await page.getByTestId("answered-count").textContent())?.trim();
    // Each area offers "Nothing changed in …" until the last, which leaves "Submit and see results".
    const next = page.getByRole("button", { name: /^(Nothing changed in .+|Submit and see results)$/ }).first();
    for (let guard = 0; guard < 20; guard++) {
      await next.waitFor();
      const name = (await next.textContent()).trim();
      if (name === "Submit and see results") {
        await page.getByRole("button", { name }).and(page.locator(":enabled")).waitFor();
        await next.click();
        clicks++;
        break;
      }
      await next.click();
      clicks++;
      await page.getByRole("button", { name, exact: true }).first().waitFor({ state: "detached" });
    }
    await page.waitForURL(/\/results$/);
    return {
      clicks,
      offer,
      carried,
      reviewed: (
        await page
          .getByTestId("review-counts")
          .textContent()
          .catch(() => null)
      )?.trim(),
    };
  } finally {
    await context.close();
  }
}

export async function measureAnsweringCost({ server, cookie, draftPath, teamPath }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const first = [];
    for (const viewport of VIEWPORTS) first.push(await wordsOfFirstAssessment(browser, server, cookie, draftPath, viewport));
    const reassessment = await clicksOfUnchangedReassessment(browser, server, cookie, teamPath);
    return { first, reassessment };
  } finally {
    await browser.close();
  }
}
