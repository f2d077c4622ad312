import { expect, test, type Page, type Request } from "@playwright/test";
import { nextAutosave, nextServerAction, replayAutosave } from "./access";
import { createTeam, devopsCore, signUpWithOrganisation, uniqueName } from "./fixtures";
import { startAssessment } from "./questionnaire";

// Bad input as an attacker would send it: captured requests replayed with something changed.
const model = devopsCore();
const firstQuestion = model.areas[0]!.questions[0]!;

/** Posts to a server action's endpoint as `page`'s signed-in person, with any body and type. */
async function post(page: Page, request: Request, body: string | Buffer, contentType = request.headers()["content-type"] ?? "text/plain;charset=UTF-8") {
  const response = await page.request.post(request.url(), {
    headers: {
      "next-action": request.headers()["next-action"]!,
      "content-type": contentType,
      accept: "text/x-component",
      origin: new URL(request.url()).origin,
    },
    data: body,
  });
  return { status: response.status(), text: await response.text() };
}

async function openQuestionnaire(page: Page) {
  await createTeam(page, uniqueName("Payments"));
  return startAssessment(page, model);
}

test.describe("bad input", () => {
  test.beforeEach(async ({ page }) => {
    await signUpWithOrganisation(page);
  });

  test("a NUL character in a note or an N/A reason is refused by name, and nothing is saved", async ({ page }) => {
    const questionnaire = await openQuestionnaire(page);
    const saved = nextAutosave(page);
    await questionnaire.answer(firstQuestion, { kind: "level", level: 2 });
    const request = await saved;

    const withNote = await replayAutosave(page, request, JSON.stringify({ answer: { kind: "level", level: 4 }, note: "see\u0000runbook" }));
    expect(withNote.status).toBe(400);
    expect(withNote.text).toContain("A note cannot contain the NUL character (U+0000).");
    const withReason = await replayAutosave(page, request, JSON.stringify({ answer: { kind: "not_applicable", reason: "no\u0000servers" }, note: null }));
    expect(withReason.status).toBe(400);
    expect(withReason.text).toContain("A reason cannot contain the NUL character (U+0000).");

    await page.reload();
    await expect(questionnaire.group(firstQuestion).getByRole("radio", { name: questionnaire.levelName(2), exact: true })).toBeChecked();
  });

  test("a form action sent a JSON argument array answers a specific invalid request, not a server error", async ({ page }) => {
    await page.goto("/teams");
    await page.getByLabel("Team name").fill(uniqueName("Real"));
    const sent = nextServerAction(page);
    await page.getByRole("button", { name: "Create team" }).click();
    const request = await sent;

    const replayed = await post(page, request, JSON.stringify(["Sneaky"]), "text/plain;charset=UTF-8");
    expect(replayed.status).toBe(200);
    expect(replayed.text).toContain("Invalid request: this form sends its fields as form data.");

    // The same form with a NUL in the name, as form data: refused by name.
    const typed = /name="((?:_?\d+_)?name)"\r\n\r\n([^\r]*)/.exec(request.postData()!);
    expect(typed?.[2]).toMatch(/^Real /);
    const nul = await post(page, request, request.postData()!.replace(typed![0], `name="${typed![1]}"\r\n\r\nBad\u0000Name`));
    expect(nul.text).toContain("A team name cannot contain the NUL character (U+0000).");
  });

  test("a body over the limit answers 413 and a malformed one 400, with a message", async ({ page }) => {
    // A server action's endpoint (creating a team).
    await page.goto("/teams");
    await page.getByLabel("Team name").fill(uniqueName("Real"));
    const sent = nextServerAction(page);
    await page.getByRole("button", { name: "Create team" }).click();
    const action = await sent;
    const large = await post(page, action, Buffer.alloc(1024 * 1024 + 1, "a"));
    expect(large).toEqual({ status: 413, text: "The request is too large: a form can be at most 1 MB." });
    const malformed = await post(page, action, '[{"name": ', "text/plain;charset=UTF-8");
    expect(malformed).toEqual({ status: 400, text: "Invalid request: the action's arguments are not valid JSON." });

    // The questionnaire's autosave route.
    const questionnaire = await openQuestionnaire(page);
    const saved = nextAutosave(page);
    await questionnaire.answer(firstQuestion, { kind: "unsure" });
    const request = await saved;
    const largeAnswer = await replayAutosave(page, request, JSON.stringify({ answer: { kind: "unsure" }, note: "a".repeat(65 * 1024) }));
    expect(largeAnswer.status).toBe(413);
    expect(JSON.parse(largeAnswer.text)).toMatchObject({ detail: "The request is too large: an answer can be at most 64 KB." });
    const malformedAnswer = await replayAutosave(page, request, '{"answer": ');
    expect(malformedAnswer.status).toBe(400);
    expect(JSON.parse(malformedAnswer.text)).toMatchObject({ detail: "Invalid request: an answer is not valid JSON." });
    const listed = await replayAutosave(page, request, '[{"kind": "unsure"}]');
    expect(JSON.parse(listed.text)).toMatchObject({ detail: "Invalid request: send an answer as a JSON object." });
    // Another site's page cannot save with the person's cookie: a form cannot send JSON, and a script is refused by origin.
    const asForm = await page.request.put(request.url(), {
      headers: { "content-type": "text/plain", origin: new URL(request.url()).origin },
      data: request.postData()!,
    });
    expect(await asForm.json()).toMatchObject({ detail: "Send an answer as JSON." });
    const foreign = await page.request.put(request.url(), {
      headers: { "content-type": "application/json", origin: "https://elsewhere.example" },
      data: request.postData()!,
    });
    expect(foreign.status()).toBe(403);
    expect(await foreign.json()).toMatchObject({ detail: "An answer is taken from Stave's own pages only." });
  });

  test("a name made only of invisible characters is refused", async ({ page }) => {
    await page.goto("/teams");
    await page.getByLabel("Team name").fill("\u200b\u200b\u200b");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByText("A team name needs visible characters; this one is made only of invisible ones (such as zero-width spaces).")).toBeVisible();
  });

  test("an answer the server keeps failing on is shown as failed after a few tries, not retried forever", async ({ page }) => {
    await page.clock.install();
    const questionnaire = await openQuestionnaire(page);
    let attempts = 0;
    await page.route(/\/api\/assessments\//, async (route) => {
      if (route.request().method() !== "PUT") return route.continue();
      attempts++;
      await route.fulfill({ status: 500, contentType: "text/plain", body: "Internal Server Error" });
    });
    await questionnaire.choose(firstQuestion, questionnaire.levelName(3));
    const status = questionnaire.group(firstQuestion).getByRole("status");
    await expect(status).toContainText(/retrying/i);
    // Each retry waits longer (2, 4, 8 s); move the page's clock on until it gives up.
    await expect
      .poll(async () => {
        await page.clock.runFor(5_000);
        return status.textContent();
      })
      .toContain("Not saved: Stave could not save it (a problem on our side).");
    expect(attempts).toBe(4);
    for (let i = 0; i < 6; i++) await page.clock.runFor(20_000);
    expect(attempts).toBe(4);
  });
});

test.describe("what the server answers before any page", () => {
  test("liveness and readiness", async ({ request }) => {
    expect(await (await request.get("/api/health")).json()).toEqual({ status: "ok" });
    expect(await (await request.get("/api/ready")).json()).toMatchObject({ status: "ready" });
  });

  test("static files come compressed once, cached for a year", async ({ request }) => {
    const html = await (await request.get("/sign-in")).text();
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
    const response = await request.get(script, { headers: { "accept-encoding": "br, gzip" } });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-encoding"]).toBe("br");
    expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const plain = await request.get(script, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers()["content-encoding"]).toBeUndefined();
  });
});
