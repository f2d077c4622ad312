import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import type { AnswerValue } from "../lib/answer";
import { createInvitationLink, joinByInvitation, nextServerAction, replay } from "./access";
import { createTeam, expectAccessible, signUpWithOrganisation, uniqueName } from "./fixtures";
import { ownModel, publishOwnModel, type OwnModelSpec } from "./own-model";
import { startAssessment } from "./questionnaire";

// The organisation's own model of four small areas: the cycle is the same for any model.
const spec: OwnModelSpec = { version: "1.0.0", levels: 5, areas: { build: ["b1", "b2"], alerts: ["a1", "a2"], recovery: ["r1", "r2"], access: ["s1", "s2"] } };
const model = ownModel(spec);
const weak = model.areas[1]!;
const aimed = weak.questions[0]!;

/** Every answer at `others`, and the second area's at `weakLevel`: that area is the weakest stave. */
function answersWith(weakLevel: number, others = 3): Map<string, AnswerValue> {
  return new Map(
    model.areas.flatMap((area) => area.questions.map((q) => [q.id, { kind: "level", level: area.id === weak.id ? weakLevel : others } as AnswerValue])),
  );
}

async function assess(page: Page, teamId: string, answers: Map<string, AnswerValue>) {
  await page.goto(`/teams/${teamId}`);
  const questionnaire = await startAssessment(page, model);
  await questionnaire.answerAll(answers);
  await questionnaire.submit();
}

test.describe("the improvement cycle", () => {
  test("a target and actions agreed on one assessment are carried into the next, which says whether the target was reached", async ({ page, browser }) => {
    test.setTimeout(120_000); // two whole questionnaires, clicked as a person would
    const owner = await signUpWithOrganisation(page);
    await publishOwnModel(page, spec);
    const teamId = await createTeam(page, uniqueName("Payments"));
    await assess(page, teamId, answersWith(2));

    // Target: advised one level up from the weakest stave (2.0 → 3), by a date; a date in the past is refused.
    const plan = page.getByRole("region", { name: "Target and actions" });
    await expect(plan.getByLabel(`Target level for ${weak.name}`)).toHaveValue("3");
    await expect(plan.getByText(/one or two levels this cycle/)).toBeVisible();
    await expectAccessible(page);
    await plan.getByLabel(`Target level for ${weak.name}`).selectOption("4");
    await plan.getByLabel("Reach it by").fill("2020-01-31");
    await plan.getByRole("button", { name: "Set the target" }).click();
    await expect(plan.getByText(/The target date must be after/)).toBeVisible();
    await expect(plan.getByTestId("target")).toContainText("No target yet.");
    // What was chosen stays chosen, to be corrected rather than redone.
    await expect(plan.getByLabel(`Target level for ${weak.name}`)).toHaveValue("4");
    await plan.getByLabel(`Target level for ${weak.name}`).selectOption("3");
    const dueOn = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
    await plan.getByLabel("Reach it by").fill(dueOn);
    await plan.getByRole("button", { name: "Set the target" }).click();
    await expect(plan.getByTestId("target")).toContainText(`Raise ${weak.name} from 2.0 to level 3`);

    // Two actions: one aimed at a question and owned by someone outside Stave, one owned by a member.
    const adding = plan.locator("details", { hasText: "Add an action" }).last();
    const openAdding = async () => {
      if ((await adding.getAttribute("open")) === null) await adding.getByText("Add an action").click();
    };
    await openAdding();
    await adding.getByLabel("Title").fill("Alert on symptoms, not causes");
    await adding.getByLabel("Owner", { exact: true }).selectOption({ label: "Someone else (type the name)" });
    await adding.getByLabel("Owner's name, if not a member").fill("Priya from the SRE guild");
    await adding.getByLabel("Aims at").selectOption({ label: aimed.title });
    const created = nextServerAction(page);
    await adding.getByRole("button", { name: "Add the action" }).click();
    const createRequest = await created;
    await expect(plan.getByTestId("action")).toHaveCount(1);
    await openAdding();
    await adding.getByLabel("Title").fill("Write the on-call runbook");
    await adding.getByLabel("Owner", { exact: true }).selectOption({ label: owner.name });
    await adding.getByLabel("Due date (optional)").fill(dueOn);
    await adding.getByRole("button", { name: "Add the action" }).click();
    await expect(plan.getByTestId("action")).toHaveCount(2);
    await expect(plan.getByTestId("action").nth(0)).toContainText("Priya from the SRE guild");
    await expect(plan.getByTestId("action").nth(0)).toContainText(`aims at ${weak.name} · ${aimed.title}`);
    await expect(plan.getByTestId("action").nth(1)).toContainText(owner.name);

    // Edit the second (in progress), then move it first.
    const second = plan.getByTestId("action").nth(1);
    await second.getByText("Edit").click();
    await second.getByLabel("Status").selectOption({ label: "In progress" });
    await second.getByRole("button", { name: "Save the action" }).click();
    await expect(second.getByTestId("action-status")).toHaveText("In progress");
    // A second edit starts from what was saved: the status stays in progress.
    await second.getByLabel("Description (optional)").fill("Start with the payment service.");
    await second.getByRole("button", { name: "Save the action" }).click();
    await expect(second).toContainText("Start with the payment service.");
    await expect(second.getByTestId("action-status")).toHaveText("In progress");
    await expect(second.getByLabel("Status")).toHaveValue("in_progress");
    await plan.getByRole("button", { name: "Move “Write the on-call runbook” up" }).click();
    await expect(plan.getByTestId("action").nth(0)).toContainText("Write the on-call runbook");
    await expectAccessible(page);
    const firstResults = page.url();

    // On paper: the target and the actions, without the forms.
    await page.emulateMedia({ media: "print" });
    await expect(plan.getByTestId("action")).toHaveCount(2);
    await expect(plan.getByTestId("target")).toBeVisible();
    await expect(plan.getByRole("button", { name: "Change the target" })).toBeHidden();
    await expect(plan.getByText("Add an action")).toBeHidden();
    await expect(plan.getByRole("button", { name: /^Move/ }).first()).toBeHidden();
    await page.emulateMedia({ media: "screen" });

    // A viewer sees the plan but has no forms, and a crafted request to add an action is refused.
    const viewer = await joinByInvitation(browser, await createInvitationLink(page, "Viewer"), "Viewer");
    await viewer.page.goto(firstResults);
    const viewersPlan = viewer.page.getByRole("region", { name: "Target and actions" });
    await expect(viewersPlan.getByTestId("action")).toHaveCount(2);
    await expect(viewersPlan.getByRole("button", { name: "Add the action" })).toHaveCount(0);
    await expect(viewersPlan.getByLabel(/Target level/)).toHaveCount(0);
    expect(await replay(viewer.page, createRequest)).toContain("Only the team's members, facilitators, admins and owners");
    await viewer.page.reload();
    await expect(viewersPlan.getByTestId("action")).toHaveCount(2);
    await viewer.page.context().close();

    // The team page lists the open actions.
    await page.goto(`/teams/${teamId}`);
    await expect(page.getByTestId("open-action")).toHaveCount(2);
    await expectAccessible(page);
    // Every action leaves as CSV, in the team's order, its aim and status in words.
    const exported = await page.request.get(`/teams/${teamId}/actions/export`);
    expect(exported.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const actionRows: string[][] = parse((await exported.text()).slice(1));
    expect(actionRows.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ["Title", "Aims at", "Status", "Owner", "Due on"],
      ["Write the on-call runbook", expect.any(String), "In progress", owner.name, dueOn],
      ["Alert on symptoms, not causes", `${weak.name} · ${aimed.title}`, "Planned", "Priya from the SRE guild", ""],
    ]);

    // The next questionnaire opens with last cycle's target and open actions, and marks the aimed question.
    const questionnaire = await startAssessment(page, model);
    const carried = page.getByTestId("carried-forward");
    await expect(carried).toContainText(`Raise ${weak.name} from 2.0 to level 3`);
    await expect(carried.getByRole("listitem")).toHaveCount(2);
    await expectAccessible(page);
    await questionnaire.nextArea();
    await expect(questionnaire.group(aimed).getByTestId("aimed-actions")).toContainText("Alert on symptoms, not causes");
    await page.getByRole("button", { name: "Previous area" }).click();
    await questionnaire.answerAll(answersWith(3, 4));
    await questionnaire.submit();

    // It was started from the first one's answers: the results say what reviewing them came to (every answer changed).
    await expect(page.getByTestId("review-counts")).toHaveText(
      /^Started from the assessment of \d{1,2} \w{3} \d{4}: 0 answers reviewed unchanged, 8 changed\.$/,
    );
    await expect(page.getByTestId("what-moved-review")).toContainText("0 answers reviewed unchanged, 8 changed");

    // Its results: the target was reached (the area is now 3.0), and last cycle's actions with their status.
    const lastCycle = page.getByTestId("last-cycle");
    await expect(lastCycle.getByTestId("target-result")).toContainText("✓ Target reached");
    await expect(lastCycle.getByTestId("target-result")).toContainText(`${weak.name} is now 3.0`);
    await expect(lastCycle.getByRole("listitem")).toHaveCount(2);
    await expect(lastCycle.getByRole("listitem").nth(0)).toContainText("In progress");
    await expect(lastCycle.getByRole("listitem").nth(1)).toContainText("Planned");
    await expectAccessible(page);

    // The trend draws the target and takes a note, shown in the table and named for screen readers.
    await page.goto(`/teams/${teamId}/trend`);
    await expect(page.getByTestId("trend-target")).toContainText(`Target: ${weak.name} from 2.0 to 3`);
    await expect(page.getByTestId("trend-target")).toContainText("reached on");
    await page.getByLabel("What happened").fill("moved to Kubernetes");
    await page.getByRole("button", { name: "Add the note" }).click();
    await expect(page.getByRole("table", { name: /water level and weakest stave/ })).toContainText("Note 1: moved to Kubernetes");
    await expect(page.getByRole("img", { name: /1 target as dashed segments and 1 numbered note/ }).first()).toBeAttached();
    // A note of 10 KB is refused with a specific message (the field's own limit taken off, as a crafted request would).
    await page.getByLabel("What happened").evaluate((input) => input.removeAttribute("maxlength"));
    await page.getByLabel("What happened").fill("x".repeat(10_240));
    await page.getByRole("button", { name: "Add the note" }).click();
    await expect(page.getByText("A note can be at most 140 characters.")).toBeVisible();
    await expect(page.getByRole("table", { name: /water level and weakest stave/ }).getByText(/^Note \d/)).toHaveCount(1);
    await expectAccessible(page);

    // Every step is in the audit log.
    await page.goto("/audit");
    for (const entry of [
      /Set a target for team “Payments [^”]+”: .+ to level 3 by/,
      "Added the action “Alert on symptoms, not causes”",
      "Changed the action “Write the on-call runbook”",
      /\(planned → in progress\)/,
      "Added a note to the trend",
    ]) {
      await expect(page.getByText(entry).first()).toBeVisible();
    }
  });
});
