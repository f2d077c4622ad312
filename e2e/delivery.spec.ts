import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createApiToken, createTeam, expectAccessible, screenshotsTo, signUpWithOrganisation } from "./fixtures";

const shots = screenshotsTo("DELIVERY_SCREENSHOTS");
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/** A week of one service's deployments, changes and an incident, in Stave's own format. */
function week(service: string) {
  return Array.from({ length: 7 }, (_, day) => [
    {
      id: `${service}-change-${day}`,
      type: "change",
      service,
      time: hoursAgo(24 * (7 - day) + 6),
      change: `pr-${day}`,
      committedAt: hoursAgo(24 * (7 - day) + 30),
    },
    { id: `${service}-deploy-${day}`, type: "deployment", service, time: hoursAgo(24 * (7 - day)), outcome: day === 3 ? "failure" : "success" },
  ]).flat();
}

test.describe("delivery data", () => {
  test("a pipeline replays its events with a token; the owner sees the services, maps them, and connects GitHub", async ({ page, playwright, baseURL }) => {
    await signUpWithOrganisation(page, "Owner");
    const teamId = await createTeam(page, "Checkout team");

    // A token that may send events.
    const token = await createApiToken(page, "Deploy pipeline", ["events:write"]);

    // The pipeline replays its stream: Stave's own events, then CDEvents, then the same batch again.
    const tool = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const batch = { events: [...week("checkout"), { id: "inc-1", type: "incident.detected", service: "checkout", time: hoursAgo(30), incident: "INC-1" }] };
    const first = await tool.post("/api/v1/events", { data: batch });
    expect(first.status()).toBe(200);
    expect(await first.json()).toMatchObject({ recorded: 15, unmappedServices: ["checkout"] });
    const cd = await tool.post("/api/v1/events", {
      data: [
        {
          context: { version: "0.4.1", id: "a1", source: "/argo", type: "dev.cdevents.service.deployed.0.2.0", timestamp: hoursAgo(2) },
          subject: { id: "search", content: {} },
        },
      ],
    });
    expect(await cd.json()).toMatchObject({ recorded: 1, unmappedServices: ["search"] });
    const replay = await tool.post("/api/v1/events", { data: batch });
    expect(replay.status()).toBe(200);
    expect(await replay.json()).toMatchObject({ recorded: 0, detail: expect.stringMatching(/15 events were already recorded .*nothing changed/) });

    // Without the scope, the same request is refused.
    const readOnly = await createApiToken(page, "Dashboard");
    const refused = await tool.post("/api/v1/events", { data: batch, headers: { Authorization: `Bearer ${readOnly}` } });
    expect(refused.status()).toBe(403);

    // The owner finds the services, unmapped, and maps checkout to its team.
    await page.goto("/organisation");
    await page.getByRole("link", { name: "Set up delivery data" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Delivery data" })).toBeVisible();
    await expect(page.getByText("2 services are not mapped to a team yet.")).toBeVisible();
    const checkout = page.getByRole("listitem", { name: "checkout" });
    await expect(checkout).toContainText("Not mapped");
    await expect(checkout).toContainText("15 events");
    await expectAccessible(page);
    await shots(page, "delivery-unmapped");

    await checkout.getByLabel("Team for checkout").selectOption({ label: "Checkout team" });
    await checkout.getByRole("button", { name: "Save" }).click();
    await expect(checkout.getByRole("status").filter({ hasText: "now counts for Checkout team" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("listitem", { name: "checkout" })).toContainText("Checkout team");
    await expect(page.getByText("1 service is not mapped to a team yet.")).toBeVisible();
    expect(
      (await (await tool.post("/api/v1/events", { data: { events: [{ id: "late", type: "deployment", service: "checkout", time: hoursAgo(1) }] } })).json())
        .unmappedServices,
    ).toEqual([]);

    // GitHub: an address and a secret shown once; a delivery signed with it is taken, a forged one refused.
    await page.getByRole("button", { name: "Create the address and its secret for GitHub deployment statuses" }).click();
    const secret = await page.getByLabel("The signing secret for GitHub deployment statuses").inputValue();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const address = (await page.getByTestId("github-address").textContent())!;
    await expectAccessible(page);
    await shots(page, "delivery-mapped");
    const body = JSON.stringify({
      deployment_status: { id: 991, state: "success", created_at: hoursAgo(1) },
      deployment: { environment: "production" },
      repository: { full_name: "acme/shop" },
    });
    const github = await playwright.request.newContext();
    const send = (signature: string) =>
      github.post(address, {
        data: body,
        headers: { "content-type": "application/json", "x-github-event": "deployment_status", "x-hub-signature-256": signature },
      });
    expect((await send(`sha256=${createHmac("sha256", "guessed").update(body).digest("hex")}`)).status()).toBe(401);
    expect((await send(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`)).status()).toBe(200);
    await page.reload();
    await expect(page.getByLabel("The signing secret for GitHub deployment statuses")).toHaveCount(0);
    await expect(page.getByRole("listitem", { name: "acme/shop" })).toContainText("Not mapped");

    // The team's trend shows its delivery beside the self-assessed areas; the API serves the same figures.
    // Eight deployments of checkout this quarter; two failed (one to go out, one followed by an incident).
    await page.goto(`/teams/${teamId}/trend`);
    const delivery = page.getByRole("table", { name: "Delivery metrics per quarter" });
    const quarter = `${new Date().getUTCFullYear()} Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;
    const row = delivery.getByRole("row", { name: new RegExp(quarter) });
    await expect(row).toContainText("(8)");
    await expect(row.getByRole("cell").nth(2)).toHaveText("25 % (2)");
    await expectAccessible(page);
    await shots(page, "delivery-trend");
    const api = await tool.get(`/api/v1/teams/${teamId}/delivery`);
    expect(api.status()).toBe(200);
    expect((await api.json()).quarters).toEqual([expect.objectContaining({ deployments: 8, failedDeployments: 2, changeFailRate: 0.25 })]);
  });
});
