import { mkdirSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { formatScore } from "../lib/format";
import { createInvitationLink, joinByInvitation } from "./access";
import createClient from "openapi-fetch";
import { createTeam, devopsCore, expectAccessible, signUpWithOrganisation } from "./fixtures";
import { mixedAnswers, startAssessment } from "./questionnaire";

const SHOTS = process.env.TOKENS_SHOTS_DIR ?? "/tmp/shots-tokens";

const organisationOf = (request: APIRequestContext, token?: string) =>
  request.get("/api/v1/organisation", token === undefined ? {} : { headers: { Authorization: `Bearer ${token}` } });

test.describe("API tokens", () => {
  test("an admin creates a token shown once, a tool reads with it, and once revoked it is refused", async ({ page, browser, playwright, baseURL }) => {
    mkdirSync(SHOTS, { recursive: true });
    const owner = await signUpWithOrganisation(page, "Owner");
    const { page: admin } = await joinByInvitation(browser, await createInvitationLink(page, "Admin"), "Admin");
    const { page: viewer } = await joinByInvitation(browser, await createInvitationLink(page, "Viewer"), "Viewer");

    // Viewers neither see the page in the menu nor reach it.
    await expect(viewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API tokens" })).toHaveCount(0);
    expect((await viewer.goto("/api-tokens"))?.status()).toBe(404);

    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API tokens" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
    await expect(admin.getByText("No tokens yet.")).toBeVisible();
    await expect(admin.getByRole("link", { name: "OpenAPI document" })).toHaveAttribute("href", "/api/v1/openapi.json");
    await expectAccessible(admin);

    // A name is required; what was chosen stays chosen.
    await admin.getByLabel("A year").check();
    await admin.getByRole("button", { name: "Create token" }).click();
    await expect(admin.getByText("Name the token")).toBeVisible();
    await expect(admin.getByLabel("A year")).toBeChecked();

    await admin.getByLabel("Name", { exact: true }).fill("Grafana");
    await admin.getByLabel("30 days").check();
    await admin.getByRole("button", { name: "Create token" }).click();
    const secret = admin.getByLabel("The token “Grafana”");
    await expect(secret).toBeFocused();
    const token = await secret.inputValue();
    expect(token).toMatch(/^stave_[A-Za-z0-9_-]{43}$/);
    await expect(admin.getByText("you will not see it again")).toBeVisible();
    await admin.getByRole("button", { name: "Copy token" }).click();
    await expect(admin.getByRole("button", { name: "Copied" })).toBeVisible();
    const row = admin.getByRole("listitem", { name: "Grafana" });
    await expect(row).toContainText("Active");
    await expect(row).toContainText(token.slice(0, 12));
    await expect(row.getByText("Never", { exact: true })).toHaveCount(1);
    await expectAccessible(admin);
    await admin.setViewportSize({ width: 1280, height: 900 });
    await admin.screenshot({ path: `${SHOTS}/api-tokens-1280.png`, fullPage: true });

    // A tool with nothing but the token: no cookies, no session.
    const tool = await playwright.request.newContext({ baseURL });
    const read = await organisationOf(tool, token);
    expect(read.status()).toBe(200);
    expect(await read.json()).toEqual({ id: expect.any(String), name: owner.organisation, groups: [] });

    const missing = await organisationOf(tool);
    expect(missing.status()).toBe(401);
    expect(missing.headers()["content-type"]).toBe("application/problem+json");
    expect(missing.headers()["www-authenticate"]).toMatch(/^Bearer/);
    expect(await missing.json()).toMatchObject({ status: 401, title: "Not authenticated", detail: expect.stringMatching(/Authorization: Bearer/) });
    const unknown = await organisationOf(tool, `stave_${"x".repeat(43)}`);
    expect((await unknown.json()).detail).toMatch(/not known/);

    // The secret is never shown again; the list says when the token was last used.
    await admin.reload();
    await expect(admin.getByLabel("The token “Grafana”")).toHaveCount(0);
    expect(await admin.content()).not.toContain(token);
    await expect(row.getByText("Never", { exact: true })).toHaveCount(0);
    await admin.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(admin);
    await admin.screenshot({ path: `${SHOTS}/api-tokens-390.png`, fullPage: true });

    // A client built from the served OpenAPI document reads a team's trend with the token.
    const model = devopsCore();
    const teamId = await createTeam(page, "Payments");
    const questionnaire = await startAssessment(page, model);
    await questionnaire.answerAll(mixedAnswers(model));
    await questionnaire.submit();
    const document = await (await tool.get("/api/v1/openapi.json")).json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/teams/{teamId}/trend");
    const client = createClient({ baseUrl: `${baseURL}/api/v1`, headers: { Authorization: `Bearer ${token}` } });
    const trend = await client.GET("/teams/{teamId}/trend" as never, { params: { path: { teamId } } } as never);
    expect(trend.response.status).toBe(200);
    const { teamName, points } = trend.data as unknown as { teamName: string; points: { waterLevel: number | null; weakest: string[] }[] };
    expect(teamName).toBe("Payments");
    expect(points).toHaveLength(1);
    // The figure the results page shows is the figure the API serves.
    await expect(page.getByTestId("water-level")).toContainText(formatScore(points[0]!.waterLevel));

    // Revoking asks once more, by keyboard as well, and takes effect at once.
    await row.getByRole("button", { name: "Revoke the token “Grafana”" }).click();
    await expect(row.getByRole("button", { name: "Yes, revoke" })).toBeFocused();
    await row.getByRole("button", { name: "Cancel" }).click();
    await expect(row.getByRole("button", { name: "Revoke the token “Grafana”" })).toBeFocused();
    await admin.keyboard.press("Enter");
    await admin.keyboard.press("Enter");
    await expect(row).toContainText("Revoked");
    await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

    const refused = await organisationOf(tool, token);
    expect(refused.status()).toBe(401);
    expect((await client.GET("/teams/{teamId}/trend" as never, { params: { path: { teamId } } } as never)).response.status).toBe(401);
    expect(await refused.json()).toMatchObject({ status: 401, detail: expect.stringMatching(/“Grafana” was revoked/) });

    // Creation and revocation are in the audit log, under the admin's name.
    await page.goto("/audit");
    await expect(page.getByRole("cell", { name: /Created the API token “Grafana”/ })).toBeVisible();
    await expect(page.getByRole("cell", { name: /Revoked the API token “Grafana”/ })).toBeVisible();
    await tool.dispose();
  });
});
