import { expect, test } from "@playwright/test";
import { createTeam, devopsCore, expectAccessible, signUpWithOrganisation, uniqueName } from "./fixtures";
import { startAssessment } from "./questionnaire";

const model = devopsCore();

test.describe("level criteria and framework mappings", () => {
  test("a team weighing a level ticks its criteria and sees how many it meets; the answer stays the level chosen", async ({ page }) => {
    await signUpWithOrganisation(page);
    await createTeam(page, uniqueName("Payments"));
    const questionnaire = await startAssessment(page, model);
    const question = model.areas[0]!.questions.find((q) => q.criteria?.[4] && !q.criteria[3])!;
    const criteria = question.criteria![4]!;
    const group = questionnaire.group(question);
    await expect(group.getByTestId("criteria-checklist")).toHaveCount(0);

    await questionnaire.choose(question, questionnaire.levelName(3));
    const level4 = group.getByRole("group", { name: /^Level 4 · Managed/ });
    await expect(level4).toContainText(`Level 4 · Managed: 0 of ${criteria.length} met`);
    for (const criterion of criteria.slice(0, -1)) await level4.getByRole("checkbox", { name: criterion }).check();
    await expect(level4).toContainText(`${criteria.length - 1} of ${criteria.length} met`);
    await level4.getByRole("checkbox", { name: criteria.at(-1)! }).check();
    await expect(level4).toContainText(`all ${criteria.length} met`);
    await expect(group.getByRole("radio", { name: questionnaire.levelName(3), exact: true })).toBeChecked();
    await expectAccessible(page);
  });

  test("the model page names each question's place in recognised frameworks", async ({ page }) => {
    await signUpWithOrganisation(page);
    await page.goto(`/models/${model.id}?version=${model.version}`);
    const first = model.areas[0]!.questions[0]!;
    const frameworks = page.getByRole("definition").filter({ hasText: first.mappings!.dora![0]! });
    await expect(frameworks.first()).toBeVisible();
    await expect(page.getByTestId("preview-frameworks")).toHaveCount(model.areas.reduce((n, a) => n + a.questions.length, 0));
    await expectAccessible(page);
  });
});
