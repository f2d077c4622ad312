import { expect, test, type Browser, type Page } from "@playwright/test";
import { createInvitationLink, joinByInvitation } from "./access";
import { createTeam, devopsCore, expectAccessible, signUpWithOrganisation, uniqueName } from "./fixtures";
import { useOwnServer } from "./own-server";
import { QuestionnairePage, startAssessment } from "./questionnaire";

const model = devopsCore();
const [q1, q2, q3] = model.areas[0]!.questions;
const levelButton = (page: Page, level: number) => page.getByRole("radio", { name: new RegExp(`^${level} · `) });

async function joinAs(browser: Browser, code: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/join?code=${code.replace("-", "")}`);
  await expect(page.getByLabel("Workshop code")).toHaveValue(code);
  await page.getByLabel("Your name (optional)").fill(name);
  await page.getByRole("button", { name: "Join the workshop" }).click();
  await expect(page).toHaveURL(/\/w$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(q1!.title);
  return page;
}

test.describe("a live workshop", () => {
  test("a facilitator and three participants run three questions; votes hidden until all have voted; the consensus becomes the team answer", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await signUpWithOrganisation(page);
    await createTeam(page, uniqueName("Checkout"));
    await startAssessment(page, model);
    const questionnaireUrl = page.url();
    await page.getByRole("link", { name: "Run it as a live workshop" }).click();
    await expect(page.getByRole("heading", { name: "Open a workshop" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Open the workshop" }).click();
    const code = (await page.getByTestId("join-code").textContent())!;
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect(page.getByRole("img", { name: /QR code for .*\/join\?code=/ })).toBeVisible();

    // The presenter view on the projector (a second tab of the facilitator's browser).
    const presenter = await page.context().newPage();
    await presenter.goto(
      await page
        .getByRole("link", { name: "Open the presenter view" })
        .getAttribute("href")
        .then((h) => h!),
    );
    await expect(presenter.getByRole("heading", { level: 1 })).toHaveText(q1!.title);

    const [ana, ben, cy] = [await joinAs(browser, code, "Ana"), await joinAs(browser, code, "Ben"), await joinAs(browser, code, "Cy")];
    await expectAccessible(ana);
    await expect(presenter.getByTestId("presenter-count")).toHaveText("0 of 3 voted");

    await levelButton(ana, 2).click();
    await expect(ana.getByRole("status")).toContainText("Saved: 2 ");
    await levelButton(ben, 4).click();
    await expect(ben.getByRole("status")).toContainText("Saved: 4 ");
    await expect(presenter.getByTestId("presenter-count")).toHaveText("2 of 3 voted");
    await expect(page.getByTestId("voted-count")).toHaveText("2 of 3 voted");
    await expect(page.getByText("Auto-reveal waits for: Cy")).toBeVisible();
    // Nobody sees what was voted before the reveal.
    await expect(presenter.getByTestId("distribution")).toHaveCount(0);
    await expect(page.getByTestId("distribution")).toHaveCount(0);
    // Ben's phone reloads: his vote is still his.
    await ben.reload();
    await expect(levelButton(ben, 4)).toHaveAttribute("aria-checked", "true");
    await expectAccessible(presenter);

    // The last vote reveals them all (auto-reveal), everywhere.
    await levelButton(cy, 3).click();
    await expect(presenter.getByTestId("tally-summary")).toContainText("3 votes · median 3 · spread 2");
    await expect(ana.getByText("How the room voted")).toBeVisible();
    await expect(page.getByTestId("tally-summary")).toContainText("The room disagrees");
    // Named to the facilitator only: names on the console, not on the projector.
    await expect(page.getByRole("list", { name: "Who voted what" })).toContainText("Ana: 2");
    await expect(presenter.getByRole("list", { name: "Who voted what" })).toHaveCount(0);
    // A vote after the reveal is refused with a message.
    const late = await ana.request.post("/api/workshop/vote", { data: { questionId: q1!.id, round: 1, vote: { kind: "level", level: 5 } } });
    expect(late.status()).toBe(409);
    expect((await late.json()).detail).toMatch(/revealed/);
    await expect(levelButton(ana, 5)).toBeDisabled();

    // The room agrees on 3; it becomes the team answer.
    await expect(page.getByLabel("Agreed level")).toHaveValue("3");
    await page.getByRole("button", { name: "Record as the team answer" }).click();
    await expect(page.getByTestId("consensus")).toHaveText("Recorded: level 3");
    await expectAccessible(page);

    // Two more questions; the second revealed by hand after a vote for someone without a phone.
    await page.getByRole("button", { name: "Next question" }).click();
    await expect(ana.getByRole("heading", { level: 1 })).toHaveText(q2!.title);
    await expect(presenter.getByRole("heading", { level: 1 })).toHaveText(q2!.title);
    // A countdown on every screen; when everyone has voted first, the reveal stops it.
    await page.getByRole("button", { name: "Start a 1-minute timer" }).click();
    await expect(ana.locator("#timer")).toHaveText(/^[01]:\d\d left$/);
    await expect(presenter.getByTestId("countdown")).toHaveText(/^[01]:\d\d left$/);
    for (const p of [ana, ben, cy]) await levelButton(p, 3).click();
    await expect(ana.locator("#timer")).toHaveText("");
    await expect(page.getByTestId("tally-summary")).toContainText("median 3 · spread 0");
    await page.getByRole("button", { name: "Record as the team answer" }).click();
    await expect(page.getByTestId("consensus")).toHaveText("Recorded: level 3");
    await page.getByRole("button", { name: "Next question" }).click();
    await expect(cy.getByRole("heading", { level: 1 })).toHaveText(q3!.title);
    await levelButton(ana, 1).click();
    await page.getByLabel("Their name").fill("Dee");
    await page.getByLabel("Their vote").selectOption("2");
    await page.getByRole("button", { name: "Add their vote" }).click();
    await expect(page.getByTestId("voted-count")).toHaveText("2 of 4 voted");
    await page.getByRole("button", { name: "Reveal the votes" }).click();
    await expect(presenter.getByTestId("tally-summary")).toContainText("2 votes · median 1 · spread 1");
    await page.getByLabel("Agreed level").selectOption("2");
    await page.getByRole("button", { name: "Record as the team answer" }).click();
    await expect(page.getByTestId("consensus")).toHaveText("Recorded: level 2");

    // End: the phones say so, and joining is refused.
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "End the workshop" }).click();
    await expect(ana.getByRole("heading", { name: "This workshop has ended" })).toBeVisible();
    await expect(presenter.getByText("The workshop has ended. Thank you!")).toBeVisible();
    await expect(page.getByRole("heading", { name: "The workshop has ended: agree the next bottleneck" })).toBeVisible();

    // The report: every question voted on, its spread and what was agreed; Markdown and JSON to take away.
    await page.reload();
    await page.getByRole("link", { name: "read its report" }).click();
    await expect(page.getByTestId("report-question")).toHaveCount(3);
    await expect(page.getByTestId("report-question").first()).toContainText("The room disagreed");
    await expect(page.getByTestId("report-question").nth(2)).toContainText("level 2");
    const open = model.areas.flatMap((a) => a.questions).length - 3;
    await expect(page.getByTestId("next-bottleneck")).toContainText(
      new RegExp(`^The weakest stave so far: .+ at \\d\\.\\d\\. ${open} questions are still open`),
    );
    await expect(page.getByRole("link", { name: "Answer the open questions" })).toHaveAttribute("href", new URL(questionnaireUrl).pathname);
    await expectAccessible(page);
    const markdown = await page.request.get(`${page.url()}/export?format=md`);
    expect(markdown.headers()["content-type"]).toContain("text/markdown");
    expect(await markdown.text()).toContain(`| 1 | ${model.areas[0]!.name} | ${q1!.title} (disagreed) |`);
    const json = await (await page.request.get(`${page.url()}/export?format=json`)).json();
    expect(json.questions.map((q: { consensus: unknown }) => q.consensus)).toEqual([
      { kind: "level", level: 3 },
      { kind: "level", level: 3 },
      { kind: "level", level: 2 },
    ]);

    // The consensus is the team's answer in the questionnaire.
    await page.goto(questionnaireUrl);
    const questionnaire = new QuestionnairePage(page, model);
    await expect(questionnaire.group(q1!).getByRole("radio", { name: questionnaire.levelName(3) })).toBeChecked();
    await expect(questionnaire.group(q3!).getByRole("radio", { name: questionnaire.levelName(2) })).toBeChecked();
  });

  test("an observer watches without voting, and a workshop that ended takes no one", async ({ page, browser }) => {
    await signUpWithOrganisation(page);
    await createTeam(page, uniqueName("Search"));
    await startAssessment(page, model);
    await page.getByRole("link", { name: "Run it as a live workshop" }).click();
    await page.getByLabel("Anonymous: nobody sees who voted what").check();
    await page.getByRole("button", { name: "Open the workshop" }).click();
    const code = (await page.getByTestId("join-code").textContent())!;
    const presentHref = (await page.getByRole("link", { name: "Open the presenter view" }).getAttribute("href"))!;
    const workshopUrl = page.url();

    // An observer who may see the team's draft (here a facilitator who did not open it) watches the presenter view and cannot vote.
    const viewer = await joinByInvitation(browser, await createInvitationLink(page, "Facilitator"), "Observer");
    await viewer.page.goto(presentHref);
    await expect(viewer.page.getByTestId("presenter-count")).toHaveText("0 of 0 voted");
    await expect(viewer.page.getByRole("radio", { name: /^\d · / })).toHaveCount(0);
    const refused = await viewer.page.request.post("/api/workshop/vote", { data: { questionId: q1!.id, round: 1, vote: { kind: "level", level: 3 } } });
    expect(refused.status()).toBe(401);
    // Someone who may not see the team's drafts does not find it at all.
    const outsider = await joinByInvitation(browser, await createInvitationLink(page, "Viewer"), "Viewer");
    expect((await outsider.page.goto(presentHref))!.status()).toBe(404);
    await outsider.page.context().close();

    await page.goto(workshopUrl); // the invitation was made on the members page
    // A shared screen joins by the code only to watch: no vote, and not counted in the room.
    const screen = await (await browser.newContext()).newPage();
    await screen.goto(`/join?code=${code}`);
    await screen.getByLabel(/^Only watch, without voting/).check();
    await screen.getByRole("button", { name: "Join the workshop" }).click();
    await expect(screen.getByRole("heading", { level: 1 })).toHaveText(q1!.title);
    await expect(screen.getByRole("radio")).toHaveCount(0);
    await expect(screen.getByRole("status")).toContainText("Watching");
    await expectAccessible(screen);
    const ana = await joinAs(browser, code, "Ana");
    await levelButton(ana, 4).click();
    // Anonymous: the facilitator sees the count, not who.
    await expect(page.getByTestId("voted-count")).toHaveText("1 of 1 voted");
    await expect(page.getByTestId("tally-summary")).toContainText("1 vote · median 4");
    await expect(page.getByRole("list", { name: "Who voted what" })).toHaveCount(0);
    await expect(page.getByText(/Still to vote/)).toHaveCount(0);
    await expect(screen.getByText("How the room voted")).toBeVisible();

    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "End the workshop" }).click();
    await expect(ana.getByRole("heading", { name: "This workshop has ended" })).toBeVisible();
    const late = await (await browser.newContext()).newPage();
    await late.goto(`/join?code=${code}`);
    await late.getByRole("button", { name: "Join the workshop" }).click();
    await expect(late.getByText("This workshop has ended; it takes no one new.")).toBeVisible();
    await viewer.page.context().close();
  });
});

// Two instances need one PostgreSQL between them: the embedded database belongs to one process.
if (process.env.DATABASE_URL) {
  test.describe("a workshop across two instances", () => {
    const second = useOwnServer(3190, { sameDatabase: true });

    test("a participant on one instance votes, and the facilitator on the other sees it within a second", async ({ page, browser }) => {
      await signUpWithOrganisation(page);
      await createTeam(page, uniqueName("Platform"));
      await startAssessment(page, model);
      await page.getByRole("link", { name: "Run it as a live workshop" }).click();
      await page.getByRole("button", { name: "Open the workshop" }).click();
      const code = (await page.getByTestId("join-code").textContent())!;

      const phone = await (await browser.newContext({ baseURL: second.baseURL() })).newPage();
      await phone.goto(`/join?code=${code}`);
      await phone.getByRole("button", { name: "Join the workshop" }).click();
      await expect(phone).toHaveURL(/\/w$/);
      expect(new URL(phone.url()).port).not.toBe(new URL(page.url()).port);
      await expect(page.getByTestId("voted-count")).toHaveText("0 of 1 voted");
      await levelButton(phone, 3).click();
      await expect(page.getByTestId("voted-count")).toHaveText("1 of 1 voted", { timeout: 1000 });
      // The only one in the room has voted: revealed on both instances.
      await expect(phone.getByRole("status")).toContainText("Revealed: median 3, spread 0 · you voted 3");
      await expect(page.getByTestId("tally-summary")).toContainText("1 vote · median 3");
    });
  });
}
