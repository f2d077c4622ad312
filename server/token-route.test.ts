import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/db/queries/api-tokens";
import { apiTokens } from "@/db/schema";
import { drivers, useTestDatabase } from "@/db/test-db";
import type { DbHandle } from "@/db/client";
import { route } from "./route";

// The request a token route reads, the database it uses and its limit: set by the tests below.
const { request, LIMIT } = vi.hoisted(() => ({ request: { authorization: null as string | null, handle: undefined as DbHandle | undefined }, LIMIT: 3 }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(request.authorization === null ? {} : { authorization: request.authorization }) }));
vi.mock("./start-up", () => ({ startUp: async () => request.handle }));
vi.mock("@/lib/env", async (original) => {
  const real = await original<typeof import("@/lib/env")>();
  return { env: () => ({ ...real.env(), STAVE_API_RATE_LIMIT: LIMIT }) };
});

const whoIsAsking = route("token", async (_request, { ctx, scopes }) => Response.json({ organisationId: ctx.organisationId, actor: ctx.actor, scopes }));
const call = (token: string) => {
  request.authorization = `Bearer ${token}`;
  return whoIsAsking(new Request("http://localhost/api/v1/x"), { params: Promise.resolve({}) });
};

describe.each(drivers)("a token route on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  async function newToken() {
    request.handle = t.handle;
    const org = await t.organisation("Token route");
    const owner = await t.member(org, "admin");
    const { token, row } = await createApiToken(t.as(org, owner, "admin"), { name: "Notebook", scopes: ["read"], expiresIn: "30" });
    return { org, token, id: row.id };
  }

  it("hands the handler the token's organisation, the token as actor, and its scopes", async () => {
    const { org, token, id } = await newToken();

    const response = await call(token);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ organisationId: org, actor: { kind: "token", tokenId: id, name: "Notebook", scopes: ["read"] }, scopes: ["read"] });
  });

  it("answers 401 with a problem document saying why for an expired token", async () => {
    const { token, id } = await newToken();
    await t.handle.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(apiTokens.id, id));

    const response = await call(token);

    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await response.json()).detail).toMatch(/“Notebook” expired on/);
  });

  it("limits each token to its requests a minute, answering 429 with Retry-After, and counts tokens apart", async () => {
    const { token } = await newToken();
    const other = await newToken();

    const statuses = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await call(token)).status);
    const refused = await call(token);

    expect(statuses).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(await refused.json()).toMatchObject({ status: 429, title: "Too many requests", detail: expect.stringMatching(/more than 3 requests in a minute/) });
    expect((await call(other.token)).status).toBe(200);
  });
});
