import { expect, test, type Browser, type Page } from "@playwright/test";
import { devopsCore, signIn, signUpWithOrganisation, uniqueName } from "./fixtures";
import { ownPooler, ownProxy } from "./own-proxy";
import { useOwnServers, type OwnServer } from "./own-server";
import { startAssessment } from "./questionnaire";

// Production in small: three instances of one build behind nginx, with PgBouncer in transaction
// mode between them and PostgreSQL (listening and the migration lock go straight to PostgreSQL).
// People move between instances as a load balancer sends them: signed in on one, working on
// another, a page from one submitting its form to another, a workshop's phones on all three, and
// one instance killed while the workshop runs.

const model = devopsCore();
const [q1, q2] = model.areas[0]!.questions;
const levelButton = (page: Page, level: number) => page.getByRole("radio", { name: new RegExp(`^${level} · `) });
const upstreamOf = (headers: Record<string, string>) => Number(headers["x-upstream"]?.split(",").at(-1)?.split(":").at(-1));

test.describe("three instances behind nginx and PgBouncer", () => {
  test.skip(!process.env.DATABASE_URL, "needs PostgreSQL (DATABASE_URL): instances share no embedded database");
  test.describe.configure({ mode: "serial" });

  let pooler: Awaited<ReturnType<typeof ownPooler>> | undefined;
  let proxy: Awaited<ReturnType<typeof ownProxy>> | undefined;
  test.beforeAll(async () => {
    pooler = await ownPooler(process.env.DATABASE_URL!);
  });
  const instanceEnv = () => ({ DATABASE_DIRECT_URL: process.env.DATABASE_URL!, DATABASE_POOL_SIZE: "5", STAVE_TRUST_PROXY: "1" });
  const instances = useOwnServers([3310, 3312, 3314], { databaseUrl: () => pooler!.url, env: instanceEnv });
  const [a, b, c] = instances as [OwnServer, OwnServer, OwnServer];
  /** For each instance (by port), an `X-Lane` value nginx sends to it. */
  const lanes = new Map<number, string>();
  test.beforeAll(async () => {
    proxy = await ownProxy(instances.map((i) => i.port()));
    for (let lane = 0; lanes.size < instances.length && lane < 100; lane++) {
      const response = await fetch(`${proxy.baseURL}/api/health`, { headers: { "x-lane": String(lane) } });
      const port = upstreamOf(Object.fromEntries(response.headers));
      if (!lanes.has(port)) lanes.set(port, String(lane));
    }
    expect([...lanes.keys()].sort()).toEqual(instances.map((i) => i.port()).sort());
  });
  test.afterAll(async () => {
    await proxy?.remove();
    await pooler?.remove();
  });

  /** A browser whose requests through nginx go to `instance` (until `pin` moves them). */
  async function pinnedTo(browser: Browser, to: { port: () => number }, options: Parameters<Browser["newContext"]>[0] = {}) {
    const context = await browser.newContext({ ...options, baseURL: proxy!.baseURL, extraHTTPHeaders: { "x-lane": lanes.get(to.port())! } });
    const page = await context.newPage();
    const pin = (other: { port: () => number }) => context.setExtraHTTPHeaders({ "x-lane": lanes.get(other.port())! });
    return { page, pin };
  }
  /** The instance that answered the first POST `action` makes. */
  async function postAnsweredBy(page: Page, action: () => Promise<void>): Promise<number> {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(proxy!.baseURL)), action()]);
    return upstreamOf(response.headers());
  }

  test("signed in on one instance, working on another: server actions, autosave and the dashboard agree", async ({ browser }) => {
    test.setTimeout(120_000);
    const owner = await pinnedTo(browser, a);
    const account = await signUpWithOrganisation(owner.page);
    await owner.page.context().close();

    // Signed in through nginx on A; the next page comes from A, and its form is submitted to B.
    const desk = await pinnedTo(browser, a);
    expect(await postAnsweredBy(desk.page, () => signIn(desk.page, account))).toBe(a.port());
    await expect(desk.page).toHaveURL(/\/teams$/);
    expect(upstreamOf((await desk.page.goto("/teams"))!.headers())).toBe(a.port());
    await desk.pin(b);
    const team = uniqueName("Rehearsal");
    await desk.page.getByLabel("Team name").fill(team);
    expect(await postAnsweredBy(desk.page, () => desk.page.getByRole("button", { name: "Create team" }).click())).toBe(b.port());
    await desk.page.getByRole("link", { name: team, exact: true }).click();
    await expect(desk.page.getByRole("heading", { level: 1, name: team })).toBeVisible();
    const teamPath = new URL(desk.page.url()).pathname;

    // Straight on C, without nginx: the same session; an answer saves there, another through nginx on A.
    await desk.page.goto(c.baseURL() + teamPath);
    const questionnaire = await startAssessment(desk.page, model);
    await questionnaire.answer(q1!, { kind: "level", level: 2 });
    const assessmentPath = new URL(desk.page.url()).pathname;
    await desk.pin(a);
    await desk.page.goto(assessmentPath);
    expect(new URL(desk.page.url()).origin).toBe(proxy!.baseURL);
    const [saved] = await Promise.all([
      desk.page.waitForResponse((r) => r.request().method() === "PUT"),
      questionnaire.answer(q2!, { kind: "level", level: 4 }),
    ]);
    expect(upstreamOf(saved.headers())).toBe(a.port());
    await desk.pin(b);
    await desk.page.reload();
    await expect(questionnaire.group(q1!).getByRole("radio", { name: questionnaire.levelName(2), exact: true })).toBeChecked();
    await expect(questionnaire.group(q2!).getByRole("radio", { name: questionnaire.levelName(4), exact: true })).toBeChecked();

    // Every instance has shown the dashboard (and keeps its figures); a team made on A shows on each one's next request.
    const teamsOnDashboard = async (server: { baseURL: () => string }, teams: number) => {
      await desk.page.goto(`${server.baseURL()}/dashboard`);
      const heatmap = desk.page.getByRole("table", { name: /^Area scores of each team's latest assessment/ });
      await expect(heatmap).toHaveAccessibleName(new RegExp(`teams 1 to ${teams} of ${teams}$`));
    };
    for (const server of [a, b, c]) await teamsOnDashboard(server, 1);
    await desk.page.goto(`${a.baseURL()}/teams`);
    await desk.page.getByLabel("Team name").fill(uniqueName("Second"));
    await desk.page.getByRole("button", { name: "Create team" }).click();
    await expect(desk.page.getByRole("link", { name: /^Second / })).toBeVisible();
    for (const server of [b, c, a]) await teamsOnDashboard(server, 2);
  });

  test("a workshop with phones on all three instances carries on when one is killed", async ({ browser }) => {
    test.setTimeout(120_000);
    const desk = await pinnedTo(browser, b);
    await signUpWithOrganisation(desk.page);
    await desk.page.getByLabel("Team name").fill(uniqueName("Workshop"));
    await desk.page.getByRole("button", { name: "Create team" }).click();
    await desk.page.getByRole("link", { name: /^Workshop / }).click();
    await startAssessment(desk.page, model);
    await desk.page.getByRole("link", { name: "Run it as a live workshop" }).click();
    await desk.page.getByRole("button", { name: "Open the workshop" }).click();
    const code = (await desk.page.getByTestId("join-code").textContent())!;

    // Two phones on each instance; each phone's event stream comes from its own.
    const streams = new Map<Page, number[]>();
    const phones: Page[] = [];
    for (const server of [a, a, b, b, c, c]) {
      const { page } = await pinnedTo(browser, server, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      streams.set(page, []);
      page.on("response", (r) => void (r.url().endsWith("/api/workshop/events") && streams.get(page)!.push(upstreamOf(r.headers()))));
      await page.goto(`/join?code=${code}`);
      await page.getByLabel("Your name (optional)").fill(`Phone ${phones.length + 1}`);
      await page.getByRole("button", { name: "Join the workshop" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(q1!.title);
      phones.push(page);
    }
    await expect(desk.page.getByTestId("voted-count")).toHaveText("0 of 6 voted");
    await expect.poll(() => phones.map((p) => streams.get(p)![0])).toEqual([a, a, b, b, c, c].map((i) => i.port()));

    // Five vote, one of them on C; then C dies.
    for (const [i, level] of [1, 2, 3, 3, 4].entries()) {
      await levelButton(phones[i]!, level).click();
      await expect(phones[i]!.getByRole("status")).toContainText(`Saved: ${level} `);
    }
    await expect(desk.page.getByTestId("voted-count")).toHaveText("5 of 6 voted");
    for (const phone of phones) await expect(phone.locator("#count")).toHaveText("5 of 6 voted");
    const killedAt = Date.now();
    await c.kill();

    // The last phone on C votes through nginx, which sends it on to a live instance; everyone sees the reveal.
    await levelButton(phones[5]!, 5).click();
    // Its vote is the last, so it reveals them all at once.
    await expect(phones[5]!.getByRole("status")).toContainText("Revealed: median 3, spread 4 · you voted 5", { timeout: 15_000 });
    await expect(desk.page.getByTestId("tally-summary")).toContainText("6 votes · median 3 · spread 4");
    for (const phone of phones) await expect(phone.getByRole("status")).toContainText("Revealed: median 3, spread 4", { timeout: 15_000 });
    test.info().annotations.push({ type: "measured", description: `every phone saw the reveal ${Date.now() - killedAt} ms after C was killed` });
    // The phones that were on C listen on A or B now.
    for (const phone of phones.slice(4)) expect([a.port(), b.port()]).toContain(streams.get(phone)!.at(-1));
    await expect(desk.page.getByTestId("voted-count")).toHaveText("6 of 6 voted");
  });
});
