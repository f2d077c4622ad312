import { expect, test } from "@playwright/test";
import type { AnswerValue } from "../lib/answer";
import { createInvitationLink, joinByInvitation, nextServerAction, replay } from "./access";
import { createTeam, expectAccessible, signUpWithOrganisation, uniqueName } from "./fixtures";
import { ownModel, publishOwnModel, type OwnModelSpec } from "./own-model";
import { startAssessment } from "./questionnaire";

// The organisation's own model: Alerts is the weakest stave, with a1 at level 1 and a2 at level 2.
const spec: OwnModelSpec = { version: "1.0.0", levels: 5, areas: { build: ["b1", "b2"], alerts: ["a1", "a2"], recovery: ["r1", "r2"] } };
const model = ownModel(spec);
const answers = new Map<string, AnswerValue>(
  model.areas.flatMap((area) => area.questions.map((q) => [q.id, { kind: "level", level: area.id === "alerts" ? (q.id === "a1" ? 1 : 2) : 3 } as AnswerValue])),
);

test.describe("advice becomes an action", () => {
  test("a next step of the lowest stave becomes an action aimed at its question in one click, once", async ({ page, browser }) => {
    test.setTimeout(90_000);
    await signUpWithOrganisation(page);
    await publishOwnModel(page, spec);
    const teamId = await createTeam(page, uniqueName("Payments"));
    await page.goto(`/teams/${teamId}`);
    const questionnaire = await startAssessment(page, model);
    await questionnaire.answerAll(answers);
    await questionnaire.submit();

    // The advice comes first, then the plan that acts on it.
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings.findIndex((h) => h.startsWith("Raise the lowest stave"))).toBeLessThan(headings.indexOf("Target and actions"));

    const advice = page.getByRole("region", { name: "Raise the lowest stave: Alerts" });
    const plan = page.getByRole("region", { name: "Target and actions" });
    const step = advice.getByTestId("next-step").filter({ hasText: "Practice a1" });
    await expect(step).toContainText("Now 1 · Starting → next 2 · Practising");
    await expect(advice.getByRole("button", { name: /^Add as an action/ })).toHaveCount(2);
    await expectAccessible(page);

    const adding = nextServerAction(page);
    await step.getByRole("button", { name: "Add as an action for “Practice a1”" }).click();
    const addRequest = await adding;

    // The plan has it: titled after the question and the level it reaches, aimed at the question, planned, nobody's yet.
    const action = plan.getByTestId("action");
    await expect(action).toHaveCount(1);
    await expect(action).toContainText("Practice a1: reach Practising");
    await expect(action).toContainText("No owner yet · aims at Alerts · Practice a1");
    await expect(action).toContainText("Start it");
    await expect(action.getByTestId("action-status")).toHaveText("Planned");
    // The step says so and leads to it; the other step can still be added.
    await expect(step.getByTestId("step-added")).toContainText("Added as an action");
    await expect(step.getByRole("button", { name: /^Add as an action/ })).toHaveCount(0);
    await expect(advice.getByRole("button", { name: /^Add as an action/ })).toHaveCount(1);
    await step.getByRole("link", { name: /See it in the plan/ }).click();
    await expect(page).toHaveURL(/#action-[0-9a-f-]+$/);
    await expect(page.locator(":target")).toContainText("Practice a1: reach Practising");
    await expectAccessible(page);

    // Sent again (a second tab, a double click), it is not added twice.
    expect(await replay(page, addRequest)).toContain('"created":false');
    await page.reload();
    await expect(action).toHaveCount(1);

    // Its owner and due date are set in the plan as for any action.
    await action.getByText("Edit").click();
    await action.getByLabel("Owner", { exact: true }).selectOption({ label: "Someone else (type the name)" });
    await action.getByLabel("Owner's name, if not a member").fill("Priya from the SRE guild");
    await action.getByRole("button", { name: "Save the action" }).click();
    await expect(action).toContainText("Priya from the SRE guild · aims at Alerts · Practice a1");
    await expect(step.getByTestId("step-added")).toContainText("Added as an action");

    // A viewer sees what was added but cannot add, and a crafted request is refused.
    const results = page.url().replace(/#.*$/, "");
    const viewer = await joinByInvitation(browser, await createInvitationLink(page, "Viewer"), "Viewer");
    await viewer.page.goto(results);
    const viewersAdvice = viewer.page.getByRole("region", { name: "Raise the lowest stave: Alerts" });
    await expect(viewersAdvice.getByTestId("step-added")).toHaveCount(1);
    await expect(viewersAdvice.getByRole("button", { name: /^Add as an action/ })).toHaveCount(0);
    expect(await replay(viewer.page, addRequest)).toContain("Only the team's members, facilitators, admins and owners");
    await viewer.page.context().close();
    await page.goto(results);
    await expect(action).toHaveCount(1);
  });
});
