import { expect, type Browser, type Page, type Request } from "@playwright/test";
import { newAccount, signUp, type Account } from "./fixtures";

/** As an owner or admin on the members page: creates an invitation link for a role and returns it. */
export async function createInvitationLink(page: Page, role: string): Promise<string> {
  await page.goto("/members");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = page.getByLabel(/^Invitation link for a/);
  await expect(link).toHaveValue(/\/invite\//);
  return link.inputValue();
}

/** A new person, in their own browser, who signs up through an invitation link and joins. */
export async function joinByInvitation(browser: Browser, link: string, label: string): Promise<{ page: Page; account: Account }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = newAccount(label);
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up\?next=/);
  await signUp(page, account, page.url());
  await expect(page).toHaveURL(/\/invite\//);
  await page.getByRole("button", { name: "Accept and join" }).click();
  await expect(page).toHaveURL(/\/teams$/);
  return { page, account };
}

/** Waits for the server-action request the next step sends, e.g. a form submitted with its button. */
export function nextServerAction(page: Page): Promise<Request> {
  return page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
}

/** Waits for the autosave request the next answer sends (`PUT /api/assessments/…/answers/…`). */
export function nextAutosave(page: Page): Promise<Request> {
  return page.waitForRequest((r) => r.method() === "PUT" && /\/api\/assessments\/[^/]+\/answers\//.test(r.url()));
}

/** Sends a captured autosave again as whoever is signed in on `page`, with its body or another. */
export async function replayAutosave(page: Page, request: Request, body: string | Buffer = request.postData() ?? "") {
  const response = await page.request.put(request.url(), {
    headers: { "content-type": "application/json", origin: new URL(request.url()).origin },
    data: Buffer.from(body), // as bytes: a string that is not JSON would be sent JSON-encoded
  });
  return { status: response.status(), text: await response.text() };
}

/** Sends a captured server-action request again, as whoever is signed in on `page`. */
export async function replay(page: Page, request: Request): Promise<string> {
  const headers = request.headers();
  const response = await page.request.post(request.url(), {
    headers: {
      "next-action": headers["next-action"]!,
      "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: new URL(request.url()).origin,
    },
    data: request.postData() ?? "",
  });
  return response.text();
}
