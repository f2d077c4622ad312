import { expect, test } from "@playwright/test";
import { createTeam, devopsCore, expectAccessible, signUpWithOrganisation, uniqueName } from "./fixtures";
import { ownPostgres } from "./own-postgres";
import { useOwnServer } from "./own-server";
import { startAssessment } from "./questionnaire";

// PostgreSQL goes away for 30 s while someone answers: the answers chosen meanwhile wait, say so,
// and are saved once it is back. A server and a PostgreSQL of the test's own, since it stops it.
test.describe("a database outage while answering", () => {
  let postgres: Awaited<ReturnType<typeof ownPostgres>> | undefined;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    postgres = await ownPostgres();
  });
  const server = useOwnServer(3105, { databaseUrl: () => postgres!.url });
  test.afterAll(() => postgres?.remove());

  test("answers chosen while PostgreSQL is stopped for 30 s are saved once it is back", async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await (await browser.newContext({ baseURL: server.baseURL() })).newPage();
    const model = devopsCore();
    const [first, ...during] = model.areas[0]!.questions;
    await signUpWithOrganisation(page);
    await createTeam(page, uniqueName("Outage"));
    const questionnaire = await startAssessment(page, model);
    await questionnaire.answer(first!, { kind: "level", level: 2 });

    const statuses: number[] = [];
    page.on("response", (r) => {
      if (r.request().method() === "PUT") statuses.push(r.status());
    });
    postgres!.stop();
    for (const question of during) await questionnaire.answer(question, { kind: "level", level: 3 }, { saved: false });
    for (const question of during) await expect(questionnaire.group(question).getByRole("status")).toHaveText("Not saved yet: retrying…");
    await expect(page.getByTestId("overall-save-status")).toHaveText(
      `${during.length} answers not saved yet. Stave cannot reach its database just now. Retrying until it can…`,
    );
    await expectAccessible(page);
    await page.waitForTimeout(30_000);
    // Still waiting after the three tries an unexpected error gets, and every answer was a 503.
    for (const question of during) await expect(questionnaire.group(question).getByRole("status")).toHaveText("Not saved yet: retrying…");
    expect(statuses.length).toBeGreaterThan(during.length * 3);
    expect(new Set(statuses)).toEqual(new Set([503]));

    postgres!.start();
    for (const question of during) await expect(questionnaire.group(question).getByRole("status")).toHaveText("Saved", { timeout: 30_000 });
    await expect(page.getByTestId("overall-save-status")).toHaveText("All answers saved");
    // Stored: after a reload, the first area is complete and shows every answer.
    await page.reload();
    await page
      .getByRole("button", { name: new RegExp(`^${model.areas[0]!.name} ${model.areas[0]!.questions.length}/${model.areas[0]!.questions.length}`) })
      .click();
    for (const question of [first!, ...during]) {
      const level = question === first ? 2 : 3;
      await expect(questionnaire.group(question).getByRole("radio", { name: questionnaire.levelName(level), exact: true })).toBeChecked();
    }
  });
});
