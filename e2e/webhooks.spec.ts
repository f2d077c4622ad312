import { expect, test } from "@playwright/test";
import { startWebhookReceiver } from "../test/webhook-receiver";
import { createTeam, expectAccessible, screenshotsTo, signUpWithOrganisation, uniqueName } from "./fixtures";
import { ownModel, publishOwnModel, type OwnModelSpec } from "./own-model";
import { useOwnServer } from "./own-server";
import { QuestionnairePage } from "./questionnaire";

// An admin wires a webhook to a receiver of the test's own (allowed by the operator, as a private
// address must be) and sees a submission arrive signed, in the delivery log, and sent again.
const spec: OwnModelSpec = { version: "1.0.0", areas: { build: ["build-ci"], run: ["run-alerts"] } };
const shots = screenshotsTo("WEBHOOK_SHOTS");

test.describe("webhooks", () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  test.beforeAll(async () => void (receiver = await startWebhookReceiver()));
  test.afterAll(() => receiver.stop());
  const server = useOwnServer(3430, { env: () => ({ STAVE_WEBHOOK_ALLOW_HOSTS: receiver.host }) });

  test("an admin adds an endpoint, a submission arrives signed, and the log sends it again", async ({ browser }) => {
    test.setTimeout(150_000);
    const page = await (await browser.newContext({ baseURL: server.baseURL() })).newPage();
    await signUpWithOrganisation(page);
    await publishOwnModel(page, spec);

    await page.goto("/organisation");
    await page.getByRole("link", { name: "Manage webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await expectAccessible(page);

    // A cloud's metadata service is refused, with the reason, and what was typed stays.
    await page.getByLabel("Endpoint address").fill("https://169.254.169.254/latest/meta-data");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Stave does not send webhooks there: 169.254.169.254 is a link-local address")).toBeVisible();
    await expect(page.getByLabel("Endpoint address")).toHaveValue("https://169.254.169.254/latest/meta-data");

    await page.getByLabel("Endpoint address").fill(receiver.url("/stave"));
    await page.getByLabel("Description (optional)").fill("Ops automation");
    await page.getByLabel(/Weakest stave changed/).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = await page.getByLabel(/The signing secret of/).inputValue();
    expect(secret).toMatch(/^whsec_/);
    receiver.trust(secret);
    const endpoint = page.getByRole("listitem", { name: receiver.url("/stave") });
    await expect(endpoint.getByText("Assessment submitted, Weakest stave changed")).toBeVisible();
    await expect(endpoint.getByText("Active")).toBeVisible();
    await expectAccessible(page);
    await shots(page, "webhooks");

    const teamName = uniqueName("Payments");
    await createTeam(page, teamName);
    await page.getByLabel("Model").selectOption({ label: "Acme Ops 1.0.0" });
    await page.getByRole("button", { name: "Start an assessment" }).click();
    const questionnaire = new QuestionnairePage(page, ownModel(spec));
    await questionnaire.answerAll(
      new Map([
        ["build-ci", { kind: "level", level: 3 }],
        ["run-alerts", { kind: "level", level: 1 }],
      ]),
    );
    await questionnaire.submit();

    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(1);
    const [first] = receiver.received;
    expect(first!.verified).toBe(true);
    const message = JSON.parse(first!.body);
    expect(message).toMatchObject({ type: "assessment.submitted", data: { results: { teamName, score: { weakest: ["run"] } }, previous: null } });

    await page.goto("/organisation/webhooks");
    await page.getByRole("link", { name: `Deliveries to ${receiver.url("/stave")}` }).click();
    const delivery = page.getByRole("listitem", { name: /^Assessment submitted, / });
    await expect(delivery.getByText("Delivered")).toBeVisible();
    await expect(delivery.getByText("HTTP 200")).toBeVisible();
    await delivery.getByText("What was sent").click();
    await expect(delivery.getByText(`"teamName": "${teamName}"`)).toBeVisible();
    await expectAccessible(page);
    await shots(page, "webhook-deliveries");

    await delivery.getByRole("button", { name: "Send again" }).click();
    await expect(delivery.getByRole("status")).toHaveText("Queued: reload in a moment to see the answer.");
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(2);
    expect(receiver.received[1]!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    expect(receiver.received[1]!.body).toBe(first!.body);
    await page.reload();
    await expect(page.getByRole("listitem", { name: /^Assessment submitted, / }).getByText(/^2, last /)).toBeVisible();
  });
});
