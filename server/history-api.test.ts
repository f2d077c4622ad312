import { describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/db/queries/api-tokens";
import { syncModelVersions } from "@/db/queries/model-versions";
import { drivers, useTestDatabase, withContentId } from "@/db/test-db";
import type { DbHandle } from "@/db/client";
import { historySchema } from "@/lib/contracts/history";
import type { Model } from "@/lib/model/schema";
import { historyFixture, historyTestModel } from "@/views/history-test-data";
import { GET as getHistory } from "@/app/api/v1/history/route";

// GET /api/v1/history through its real route handler and a real database: only the request's
// headers, the database the process opened and the server's secret are supplied here.
const asked = vi.hoisted(() => ({ headers: new Headers(), handle: undefined as DbHandle | undefined }));
vi.mock("next/headers", () => ({ headers: async () => asked.headers }));
vi.mock("./start-up", () => ({ startUp: async () => asked.handle }));
vi.mock("./auth", () => ({ sessionKeys: async () => ({ secret: "s".repeat(32) }) }));

const [model] = withContentId("history-api-test", [historyTestModel("history-api-test")]) as [Model];

async function call(token: string, query = "") {
  asked.headers = new Headers({ authorization: `Bearer ${token}` });
  const response = await getHistory(new Request(`http://localhost/api/v1/history${query}`, { headers: asked.headers }), { params: Promise.resolve({}) });
  return { response, body: await response.json() };
}

describe.each(drivers)("the history API on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [model]);
  });

  async function tokens() {
    asked.handle = t.handle;
    const f = await historyFixture(t, model);
    const admin = t.as(f.org, await t.member(f.org, "admin"), "admin");
    const token = async (scopes: ("read" | "read:notes")[]) => (await createApiToken(admin, { name: "Backup", scopes, expiresIn: "30" })).token;
    return { f, read: await token(["read"]), notes: await token(["read", "read:notes"]) };
  }

  it("serves the organisation's, a group's or a team's history to a token that may read notes", async () => {
    const { f, notes } = await tokens();
    const all = await call(notes);
    expect(all.response.status).toBe(200);
    expect(historySchema.parse(all.body)).toEqual(all.body);
    expect(all.body.assessments.map((a: { id: string }) => a.id)).toEqual(f.assessments);
    const team = await call(notes, `?team=${f.search}`);
    expect(team.body.teams.map((x: { id: string }) => x.id)).toEqual([f.search]);
    const group = await call(notes, `?group=${f.platform}`);
    expect(group.body.teams.map((x: { id: string }) => x.id)).toEqual([f.payments]);
  });

  it("refuses a token without the notes scope (403), a malformed query (400) and another organisation's team (404)", async () => {
    const { f, read, notes } = await tokens();
    expect((await call(read)).response.status).toBe(403);
    expect((await call(notes, "?team=nope")).response.status).toBe(400);
    expect((await call(notes, `?team=${f.payments}&group=${f.platform}`)).body.detail).toBe("Ask for a team or a group, not both.");
    const stranger = await tokens();
    expect((await call(stranger.notes, `?team=${f.payments}`)).response.status).toBe(404);
  });
});
