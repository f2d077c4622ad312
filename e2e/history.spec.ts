import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Browser } from "@playwright/test";
import { createTeam, expectAccessible, signUpWithOrganisation, uniqueName } from "./fixtures";
import { ownModel, publishOwnModel, type OwnModelSpec } from "./own-model";
import { QuestionnairePage } from "./questionnaire";
import { useOwnServer } from "./own-server";

// An admin takes an organisation's history from one Stave to another: exported on the first, its
// preview and then its import on the second (two servers of the test's own, each a fresh Stave).
const spec: OwnModelSpec = { version: "1.0.0", areas: { run: ["run-alerts", "run-runbooks"] } };

test.describe("history that leaves and comes back", () => {
  const first = useOwnServer(3350);
  const second = useOwnServer(3370);
  const pageOn = async (browser: Browser, baseURL: string) => (await browser.newContext({ baseURL })).newPage();

  test("an admin exports the organisation on one Stave, and imports it into another after seeing what it will create", async ({ browser }, testInfo) => {
    test.setTimeout(180_000);
    const teamName = uniqueName("Payments");

    const from = await pageOn(browser, first.baseURL());
    await signUpWithOrganisation(from);
    await publishOwnModel(from, spec);
    const teamId = await createTeam(from, teamName);
    await from.getByLabel("Model").selectOption({ label: "Acme Ops 1.0.0" });
    await from.getByRole("button", { name: "Start an assessment" }).click();
    await expect(from).toHaveURL(/\/assessments\/[0-9a-f-]+$/);
    const questionnaire = new QuestionnairePage(from, ownModel(spec));
    for (const q of ownModel(spec).areas[0]!.questions) await questionnaire.answer(q, { kind: "level", level: 2 });
    await questionnaire.submit();
    const results = await from.getByTestId("water-level").first().textContent();

    // A team's lead takes its history from the team page.
    await from.goto(`/teams/${teamId}`);
    const teamDownload = from.waitForEvent("download");
    await from.getByRole("link", { name: "Export history (JSON)" }).click();
    const teamHistory = JSON.parse(readFileSync(await (await teamDownload).path(), "utf8"));
    expect(teamHistory.scope).toEqual({ kind: "team", id: teamId, name: teamName });

    await from.goto("/organisation");
    await expectAccessible(from);
    const download = from.waitForEvent("download");
    await from.getByRole("link", { name: "Export the whole organisation" }).click();
    const history = JSON.parse(readFileSync(await (await download).path(), "utf8"));
    expect(history).toEqual(expect.objectContaining({ formatVersion: 1, teams: [expect.objectContaining({ id: teamId, name: teamName })] }));
    // An ended workshop on that assessment, written into the file (the data suite exports a real one;
    // here it is the file's way through the preview, the import and the report page that counts).
    const [ana, ben] = [randomUUID(), randomUUID()];
    const workshopId = randomUUID();
    const opened = history.assessments[0].submittedAt;
    history.workshops = [
      {
        id: workshopId,
        assessmentId: history.assessments[0].id,
        anonymity: "named",
        openedAt: opened,
        endedAt: opened,
        participants: [
          { id: ana, name: "Ana" },
          { id: ben, name: "Ben" },
        ],
        votes: [
          { participantId: ana, questionId: "run-alerts", round: 1, vote: { kind: "level", level: 1 } },
          { participantId: ben, questionId: "run-alerts", round: 1, vote: { kind: "level", level: 2 } },
        ],
        agreed: [{ questionId: "run-alerts", answer: { kind: "level", level: 2 }, note: "Alerts reach the on-call phone" }],
        agreement: null,
      },
    ];
    const file = testInfo.outputPath("history.json");
    writeFileSync(file, JSON.stringify(history));

    const to = await pageOn(browser, second.baseURL());
    await signUpWithOrganisation(to);
    await to.goto("/organisation");
    await to.getByRole("link", { name: "Import a history…" }).click();
    await expect(to.getByRole("heading", { level: 1, name: "Import a history" })).toBeVisible();
    await to.getByLabel("Choose a history file (.json)").setInputFiles(file);
    await expect(to.getByTestId("history-preview")).toContainText("This import will create 1 team, 1 assessment, 1 model version, 1 workshop.");
    await expectAccessible(to);
    await to.getByRole("button", { name: "Import" }).click();
    await expect(to.getByRole("status")).toHaveText("Imported. Created 1 team, 1 assessment, 1 model version, 1 workshop.");
    await expectAccessible(to);

    // The team is there, with its result; the same file again would create nothing.
    await to.goto(`/teams/${teamId}`);
    await expect(to.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
    await expect(to.getByTestId("water-level").first()).toHaveText(results!);
    await to.goto(`/workshops/${workshopId}/report`);
    await expect(to.getByRole("heading", { level: 1, name: `Workshop: ${teamName}` })).toBeVisible();
    await expect(to.getByText("2 participants")).toBeVisible();
    await expect(to.getByText("Alerts reach the on-call phone")).toBeVisible();
    await to.goto("/organisation/history");
    await to.getByLabel("Choose a history file (.json)").setInputFiles(file);
    await expect(to.getByTestId("history-preview")).toContainText("This import will create nothing; 4 already present, unchanged.");

    // Too large a file is refused before it is read, saying what to do instead.
    const tooLarge = await to.request.post("/organisation/history/import?preview=1", {
      data: Buffer.alloc(26 * 1024 * 1024, 32),
      headers: { "Content-Type": "application/json" },
    });
    expect(tooLarge.status()).toBe(413);
    expect((await tooLarge.json()).detail).toBe("A history file can be at most 25 MB. Export a group or a team at a time, and import each.");

    // Something that is not a history is refused, saying why.
    await to.getByLabel("Choose a history file (.json)").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
    await expect(to.getByRole("region", { name: "History file" }).getByRole("alert")).toContainText("This file is not valid JSON");
  });
});
