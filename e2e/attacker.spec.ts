import { expect, test, type Page, type Request } from "@playwright/test";
import { nextServerAction } from "./access";
import { signUpWithOrganisation } from "./fixtures";
import { sendRaw } from "./http-raw";
import { useOwnServer } from "./own-server";

// What a script can send that a browser never would, through the real server: its own, since
// spent per-address limits would hold up every other test on the shared one.

/** Headers a client may write to pass as someone else: all of them different on every request. */
const spoofed = (i: number) => ({
  "x-forwarded-for": `198.51.100.${i % 250}, 192.0.2.${i % 250}`,
  "x-real-ip": `203.0.113.${i % 250}`,
  "x-stave-client-address": `233.252.0.${i % 250}`,
});

const CODE_CHARS = "ABCDEFGHJKMNPQRTUVWXY346789";

/** Sends a captured server-action request again with another body and extra headers. */
async function replayAction(page: Page, captured: Request, body: string, headers: Record<string, string> = {}) {
  const response = await page.request.post(captured.url(), {
    headers: {
      "next-action": captured.headers()["next-action"]!,
      "content-type": captured.headers()["content-type"]!,
      accept: "text/x-component",
      origin: new URL(captured.url()).origin,
      ...headers,
    },
    data: Buffer.from(body),
  });
  return { status: response.status(), text: await response.text() };
}

test.describe("as an attacker would", () => {
  const server = useOwnServer(3103);

  test("per-address limits count the connection's address, whatever forwarding headers the client writes", async ({ browser }) => {
    test.setTimeout(300_000);
    // A first account, so the new installation shows sign-in; the guesses come from a guest.
    await signUpWithOrganisation(await (await browser.newContext({ baseURL: server.baseURL() })).newPage(), "Owner");
    const page = await (await browser.newContext({ baseURL: server.baseURL() })).newPage();

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("guess-0@test.example");
    await page.getByLabel("Password").fill("not the password");
    const signIn = nextServerAction(page);
    await page.getByRole("button", { name: "Sign in" }).click();
    const captured = await signIn;
    await expect(page.getByText(/incorrect/)).toBeVisible();
    // 45 guesses at as many accounts (so no account's own limit is met), each "from" a new address.
    let limited = 0;
    for (let i = 1; i <= 45; i++) {
      const { text } = await replayAction(page, captured, captured.postData()!.replace("guess-0@", `guess-${i}@`), spoofed(i));
      if (text.includes("Too many sign-in attempts")) limited++;
    }
    // 40 a quarter of an hour per address: every guess past them is refused.
    expect(limited).toBeGreaterThanOrEqual(45 - 40);

    await page.goto("/join");
    await page.getByLabel("Workshop code").fill("WXYA-BCDE");
    const join = nextServerAction(page);
    await page.getByRole("button", { name: "Join the workshop" }).click();
    const joining = await join;
    await joining.response();
    let refused = 0;
    for (let i = 1; i <= 30; i++) {
      const { text } = await replayAction(
        page,
        joining,
        joining.postData()!.replace("WXYA-BCDE", `WXYA-B${CODE_CHARS[i % 27]}${CODE_CHARS[Math.floor(i / 27)]}E`),
        spoofed(i),
      );
      if (text.includes("Too many wrong codes")) refused++;
    }
    // 20 wrong codes ten minutes per address.
    expect(refused).toBeGreaterThanOrEqual(30 - 20);
  });

  test("bodies are limited as they stream, whether or not they declare a length; bad action bodies get 400 and another site 403", async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ baseURL: server.baseURL() });
    const page = await context.newPage();
    await signUpWithOrganisation(page, "Admin");
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const origin = server.baseURL();

    // The SAMM upload: 100 MB of multipart without a length, stopped at its limit, not read to the
    // end (what the connection's buffers hold on the way is sent, at most some MB).
    const samm = await sendRaw(`${origin}/api/models/samm`, {
      headers: { cookie, origin, "content-type": "multipart/form-data; boundary=x", "transfer-encoding": "chunked" },
      chunks: 1600,
    });
    expect(samm.status).toBe(413);
    expect(samm.sent).toBeLessThan(50 * 1024 * 1024);
    // The autosave: 64 KB at most, declared or not.
    const autosave = await sendRaw(`${origin}/api/assessments/00000000-0000-4000-8000-000000000000/answers/q1`, {
      method: "PUT",
      headers: { cookie, origin, "content-type": "application/json", "transfer-encoding": "chunked" },
      chunks: 4,
    });
    expect(autosave.status).toBe(413);

    // A server action: capture a real one to have its id, then send what a script could.
    const guest = await (await browser.newContext({ baseURL: server.baseURL() })).newPage();
    await guest.goto("/sign-in");
    await guest.getByLabel("Email").fill("nobody@test.example");
    await guest.getByLabel("Password").fill("not the password");
    const signIn = nextServerAction(guest);
    await guest.getByRole("button", { name: "Sign in" }).click();
    const action = (await signIn).headers()["next-action"]!;
    const post = (headers: Record<string, string>, rest: Parameters<typeof sendRaw>[1] = {}) =>
      sendRaw(`${origin}/sign-in`, { ...rest, headers: { "next-action": action, accept: "text/x-component", origin, ...headers } });

    const chunked = await post({ "content-type": "multipart/form-data; boundary=x", "transfer-encoding": "chunked" }, { chunks: 1600 });
    expect(chunked.status).toBe(413);
    expect(chunked.sent).toBeLessThan(50 * 1024 * 1024);
    const declared = await post({ "content-type": "multipart/form-data; boundary=x" }, { body: Buffer.alloc(2 * 1024 * 1024, "a") });
    expect(declared.status).toBe(413);
    const notMultipart = await post({ "content-type": "multipart/form-data; boundary=x" }, { body: "this is not a multipart body" });
    expect(notMultipart).toMatchObject({ status: 400, text: expect.stringMatching(/Invalid request/) });
    const notJson = await post({ "content-type": "text/plain;charset=UTF-8" }, { body: "[not json" });
    expect(notJson).toMatchObject({ status: 400, text: expect.stringMatching(/not valid JSON/) });
    const foreign = await post({ "content-type": "text/plain;charset=UTF-8", origin: "https://attacker.example" }, { body: "[]" });
    expect(foreign).toMatchObject({ status: 403, text: expect.stringMatching(/Stave's own pages/) });
    const sandboxed = await post({ "content-type": "text/plain;charset=UTF-8", origin: "null" }, { body: "[]" });
    expect(sandboxed.status).toBe(403);
  });
});
