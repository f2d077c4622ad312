import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { zipSync } from "fflate";
import { createTeam, expectAccessible, signUpWithOrganisation, uniqueName } from "./fixtures";
import { ownModel, ownModelYaml, publishOwnModel, type OwnModelSpec } from "./own-model";
import type { AnswerValue } from "../lib/answer";
import { importSamm } from "../lib/model/samm";
import { sammExcerptFiles } from "../lib/model/samm-fixtures";
import { QuestionnairePage, startAssessment } from "./questionnaire";

/** Acme Ops with one area, "run", of these questions. */
const acme = (version: string, questions: string[], brokenLevels = false): OwnModelSpec => ({
  version,
  areas: { run: questions },
  brokenLevelsOf: brokenLevels ? questions[1] : undefined,
});
const modelYaml = (version: string, questions: string[], brokenLevels = false) => ownModelYaml(acme(version, questions, brokenLevels));

async function assess(page: Page, teamId: string, spec: OwnModelSpec, chooseModel: boolean) {
  const model = ownModel(spec);
  await page.goto(`/teams/${teamId}`);
  if (chooseModel) await page.getByLabel("Model").selectOption({ label: "Acme Ops 1.0.0" });
  else await expect(page.getByLabel("Model")).toHaveValue("acme-ops"); // the team's last model comes first
  await page.getByRole("button", { name: "Start an assessment" }).click();
  await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]+$/);
  const questionnaire = new QuestionnairePage(page, model);
  for (const q of model.areas[0]!.questions) await questionnaire.answer(q, { kind: "level", level: 2 });
  await questionnaire.submit();
}

test.describe("models", () => {
  test("an admin publishes a model (fixing the line it names first), a team assesses with it, and a second version marks the trend", async ({ page }) => {
    test.setTimeout(120_000);
    await signUpWithOrganisation(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Models" })).toContainText("DevOps Core 1.2.2");
    await expect(page.getByRole("list", { name: "Models" })).toContainText("DevOps Extended");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Publish a model" }).click();
    await expectAccessible(page);

    // A level list of the wrong length: the problem names its line and path, beside the text.
    await page.getByLabel("Or paste it: the model (YAML)").fill(modelYaml("1.0.0", ["run-a", "run-b"], true));
    await page.getByRole("button", { name: "Check and preview" }).click();
    const problems = page.getByRole("list", { name: "Problems" });
    await expect(problems).toContainText("Line 23 · areas[0].questions[1].levels: needs exactly 3 level descriptors (one per scale level), found 2");
    await expect(page.getByRole("button", { name: /^Publish Acme Ops/ })).toHaveCount(0);
    await expectAccessible(page);
    await problems.getByRole("button", { name: "Line 23" }).click();
    await expect(page.getByLabel("Or paste it: the model (YAML)")).toBeFocused();

    // Fixed: a preview of every question, then publish.
    await page.getByLabel("Or paste it: the model (YAML)").fill(modelYaml("1.0.0", ["run-a", "run-b"]));
    await page.getByRole("button", { name: "Check and preview" }).click();
    await expect(page.getByTestId("model-valid")).toContainText("Ready to publish: Acme Ops 1.0.0");
    await expect(page.getByTestId("preview-question")).toHaveCount(2);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Publish Acme Ops 1.0.0" }).click();
    await expect(page).toHaveURL(/\/models\/acme-ops\?version=1\.0\.0/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme Ops 1.0.0");
    await expectAccessible(page);

    // A team assesses with it.
    const teamName = uniqueName("Platform");
    const teamId = await createTeam(page, teamName);
    const v1 = acme("1.0.0", ["run-a", "run-b"]);
    await assess(page, teamId, v1, true);

    // Version 1.1.0: run-b removed, run-c added. Publishing 1.0.0 again with other content is refused.
    await page.goto("/models/new");
    await page.getByLabel("Or paste it: the model (YAML)").fill(modelYaml("1.0.0", ["run-a", "run-c"]));
    await page.getByRole("button", { name: "Check and preview" }).click();
    await page.getByRole("button", { name: "Publish Acme Ops 1.0.0" }).click();
    await expect(page.getByText(/already published with other content.*such as 1\.0\.1/)).toBeVisible();
    const v2 = acme("1.1.0", ["run-a", "run-c"]);
    await publishOwnModel(page, v2);
    await expect(page.getByTestId("version-changes")).toContainText("What changed from 1.0.0: 1 question added, 1 question removed");
    await assess(page, teamId, v2, false);

    // The trend marks the change and says what changed.
    await page.goto(`/teams/${teamId}/trend`);
    await expect(page.getByTestId("model-change")).toHaveText(
      "Model changed: Acme Ops 1.0.0 → 1.1.0: 1 question added, 1 question removed; 1 question compared across the change",
    );
    await page.goto("/models");
    await expect(page.getByRole("listitem").filter({ hasText: "Acme Ops" })).toContainText(`Used by: ${teamName}`);
  });
});

/** The real SAMM v2.2.0 excerpt (fixtures/samm-sample) as a ZIP of the owaspsamm/core tree. */
function sammArchive(): Buffer {
  const root = path.join(__dirname, "..", "fixtures", "samm-sample");
  const files = Object.fromEntries(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [path.relative(root, path.join(e.parentPath, e.name)).replace(/\\/g, "/"), readFileSync(path.join(e.parentPath, e.name))]),
  );
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [`core-2.2.0/${name}`, new Uint8Array(data)]))));
}

test.describe("importing OWASP SAMM", () => {
  test("an admin imports a SAMM v2 core archive, checks the model it makes and publishes it", async ({ page }) => {
    await signUpWithOrganisation(page);
    await page.goto("/models/new");
    await page.getByText("Import an OWASP SAMM v2 model").click();
    await page.getByLabel("SAMM archive").setInputFiles({ name: "samm-core.zip", mimeType: "application/zip", buffer: sammArchive() });
    // Each choice is its own model, named as SAMM's release until the admin says otherwise.
    await expect(page.getByLabel("Model id")).toHaveValue("owasp-samm-business-functions");
    await expect(page.getByLabel("Version")).toHaveValue("2.2.0");
    await page.getByLabel("SAMM's security practices (15 areas)").check();
    await expect(page.getByLabel("Model id")).toHaveValue("owasp-samm-security-practices");
    await expect(page.getByLabel("Name")).toHaveValue("OWASP SAMM by security practice");
    await page.getByLabel("Name").fill("Our SAMM");
    await page.getByLabel("SAMM's business functions (5 areas)").check();
    await expect(page.getByLabel("Name")).toHaveValue("Our SAMM");
    await page.getByLabel("SAMM's security practices (15 areas)").check();
    await page.getByLabel("Model id").fill("our-samm");
    await page.getByLabel("Version").fill("2.2.1");
    await expect(page.getByRole("link", { name: "owaspsamm/core" })).toHaveAttribute("href", "https://github.com/owaspsamm/core");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByText("Imported 6 questions into the text box below (“Or paste it: the model (YAML)”): check it, then publish it.")).toBeVisible();
    const yaml = page.getByLabel("Or paste it: the model (YAML)");
    await expect(yaml).toHaveValue(/^id: "our-samm"\nversion: "2\.2\.1"\nname: "Our SAMM"/);
    await expect(yaml).toHaveValue(/Adapted from the OWASP SAMM v2\.2\.0 core model \(https:\/\/github\.com\/owaspsamm\/core\).*CC BY-SA 4\.0/);
    await expect(yaml).toHaveValue(/rollup:\n\s+- "mean"\n\s+- "sum"/);
    await page.getByRole("button", { name: "Check and preview" }).click();
    await expect(page.getByTestId("model-valid")).toContainText("Ready to publish: Our SAMM");
    await expect(page.getByTestId("preview-question")).toHaveCount(6);
    await expect(page.getByTestId("preview-question").first()).toContainText("No"); // SAMM's answer stays the word, not a boolean
    await expectAccessible(page);
    await page.getByRole("button", { name: /^Publish Our SAMM/ }).click();
    await expect(page).toHaveURL(/\/models\/our-samm\?version=2\.2\.1/);

    // Not an archive: a specific message, nothing imported.
    await page.goto("/models/new");
    await page.getByText("Import an OWASP SAMM v2 model").click();
    await page.getByLabel("SAMM archive").setInputFiles({ name: "notes.zip", mimeType: "application/zip", buffer: Buffer.from("id: not an archive") });
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByText("This is not a ZIP or .tar.gz archive.")).toBeVisible();
  });

  test("a team assessed with an imported SAMM model sees SAMM's own scores, from 0 to 3", async ({ page }) => {
    test.setTimeout(120_000);
    await signUpWithOrganisation(page);
    await page.goto("/models/new");
    await page.getByText("Import an OWASP SAMM v2 model").click();
    await page.getByLabel("SAMM archive").setInputFiles({ name: "samm-core.zip", mimeType: "application/zip", buffer: sammArchive() });
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByText(/^Imported 6 questions/)).toBeVisible();
    await page.getByRole("button", { name: "Check and preview" }).click();
    await expect(page.getByTestId("preview-scoring")).toContainText("Scored from 0 to 3: level 1 counts 0, 2 counts 0.25, 3 counts 0.5, 4 counts 1");
    await page.getByRole("button", { name: /^Publish OWASP SAMM by business function/ }).click();
    await expect(page).toHaveURL(/\/models\/owasp-samm-business-functions\?version=2\.2\.0/);

    const model = importSamm(sammExcerptFiles(), { areas: "functions" });
    if (!model.ok) throw new Error("the SAMM excerpt no longer imports");
    await createTeam(page, uniqueName("Appsec"));
    const questionnaire = await startAssessment(page, model.model);
    // Stream A: 1 + 0.5 + unsure (0) = 1.5; stream B: 0.25 + 0.5 + not applicable = 0.75; Design = (1.5 + 0.75) / 2 = 1.125.
    await questionnaire.answerAll(
      new Map<string, AnswerValue>([
        ["d-sa-a-1", { kind: "level", level: 4 }],
        ["d-sa-a-2", { kind: "level", level: 3 }],
        ["d-sa-a-3", { kind: "unsure" }],
        ["d-sa-b-1", { kind: "level", level: 2 }],
        ["d-sa-b-2", { kind: "level", level: 3 }],
        ["d-sa-b-3", { kind: "not_applicable", reason: "No technology domains of our own" }],
      ]),
    );
    await questionnaire.submit();
    // SAMM's two decimals, rounded half up as its toolbox does: 1.125 shows as 1.13 (38 % of 0–3), never 1.1.
    await expect(page.getByTestId("area-score-design")).toHaveText("1.13(38%)");
    await expect(page.getByTestId("water-level")).toHaveText("1.13 / 3");
    await expect(page.getByTestId("spill")).toHaveText("0.00");
    await expect(page.getByRole("img", { name: /Design 1\.13 \(weakest\)\. Water level 1\.13, spill 0\.00/ }).first()).toBeVisible();
    // Targets are SAMM's maturity levels above the score, not its answers' labels.
    await expect(page.getByLabel("Target level for Design").getByRole("option")).toHaveText(["2 (advised)", "3"]);
    await page.getByText("How was this computed?").click();
    // Streams and practices by SAMM's names, each figure from the ones below it, then the figure as shown.
    await expect(page.getByRole("list", { name: "How Design's score was rolled up" }).getByRole("listitem")).toHaveText([
      "Architecture Design (SA A), the answers' sum: 1 + 0.5 + 0 = 1.5",
      "Technology Management (SA B), the answers' sum: 0.25 + 0.5 = 0.75",
      "Secure Architecture (SA), the mean of its groups: (1.5 + 0.75) ÷ 2 = 1.125",
      "Design, the mean of its groups: 1.125",
      "Shown to two decimals: 1.13.",
    ]);
    await expect(page.getByText("1 unsure answer counted as 0.")).toBeVisible();
    await expect(page.getByRole("row", { name: /Unsure \(counted as 0\)/ })).toHaveCount(1);
    await expect(page.getByRole("img", { name: /Barrel chart/ }).first()).toBeVisible();
    await expectAccessible(page);
  });
});
