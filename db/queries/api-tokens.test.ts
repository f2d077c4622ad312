import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ApiScope, TokenExpiryChoice } from "@/lib/api-tokens";
import type { Role } from "@/lib/permissions";
import { apiTokens, auditEvents } from "../schema";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { createApiToken, listApiTokens, revokeApiToken, tokenContext } from "./api-tokens";
import { createTeam, listTeams } from "./teams";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

describe.each(drivers)("API tokens on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  async function organisationWith(role: Role = "owner") {
    const org = await t.organisation("API tokens");
    const userId = await t.member(org, role, `Ada ${role}`);
    return { org, userId, ctx: t.as(org, userId, role) };
  }

  async function create(role: Role = "owner", { scopes = ["read"] as ApiScope[], expiresIn = "90" as TokenExpiryChoice, name = "Grafana" } = {}) {
    const o = await organisationWith(role);
    const created = await createApiToken(o.ctx, { name, scopes, expiresIn });
    return { ...o, ...created };
  }

  const stored = async (id: string) => (await t.handle.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!;
  const audit = (org: string) =>
    t.handle.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId, detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, org));

  it("returns the secret once and stores only its hash and a short prefix", async () => {
    const { token, row } = await create("owner", { scopes: ["read", "read:notes"] });

    expect(token).toMatch(/^stave_[A-Za-z0-9_-]{43}$/);
    const kept = await stored(row.id);
    expect(kept.tokenHash).toBe(sha256(token));
    expect(kept.tokenPrefix).toBe(token.slice(0, 12));
    expect(JSON.stringify(kept)).not.toContain(token.slice(12));
    expect(kept.scopes).toEqual(["read", "read:notes"]);
  });

  it("lets admins create tokens and refuses facilitators, members and viewers, storing nothing", async () => {
    await expect(create("admin")).resolves.toMatchObject({ row: { name: "Grafana" } });
    for (const role of ["facilitator", "member", "viewer"] as const) {
      const { org, ctx } = await organisationWith(role);
      await expectAppError(createApiToken(ctx, { name: "Mine", scopes: ["read"], expiresIn: "30" }), "forbidden", /owners and admins/);
      expect(await t.handle.db.select().from(apiTokens).where(eq(apiTokens.organisationId, org))).toEqual([]);
    }
  });

  it("judges the creator by their role now, not the one their session began with", async () => {
    const { org, userId } = await organisationWith("viewer");
    // The session still says owner; the membership says viewer.
    await expectAppError(createApiToken(t.as(org, userId, "owner"), { name: "Stale", scopes: ["read"], expiresIn: "30" }), "forbidden");
  });

  it("refuses scopes outside the allowed set in the database itself", async () => {
    const { org } = await organisationWith();
    const insert = (scopes: string[]) =>
      t.handle.db
        .insert(apiTokens)
        .values({ organisationId: org, name: "x", scopes: scopes as ApiScope[], tokenHash: sha256(String(Math.random())), tokenPrefix: "stave_x" });
    await expect(insert(["read", "write"])).rejects.toThrow();
    await expect(insert(["read:notes"])).rejects.toThrow();
    await expect(insert(["read"])).resolves.toBeDefined();
  });

  it("audits creation and revocation with the member who did it", async () => {
    const { org, userId, ctx, row } = await create("owner", { expiresIn: "never" });
    await revokeApiToken(ctx, row.id);

    const events = await audit(org);
    expect(events.map((e) => e.action).sort()).toEqual(["api_token.created", "api_token.revoked"]);
    expect(events.every((e) => e.actorId === userId && (e.detail as { tokenId: string }).tokenId === row.id)).toBe(true);
  });

  it("lists tokens with their creator, last use, expiry and status, newest first", async () => {
    const { ctx, row: first } = await create("owner", { expiresIn: "30", name: "First" });
    const { token, row: second } = await createApiToken(ctx, { name: "Second", scopes: ["read"], expiresIn: "never" });
    await tokenContext(t.handle.db, token);
    await revokeApiToken(ctx, first.id);

    const list = await listApiTokens(ctx);
    expect(list.map((x) => [x.name, x.status])).toEqual([
      ["Second", "active"],
      ["First", "revoked"],
    ]);
    expect(list[0]).toMatchObject({ id: second.id, creatorName: "Ada owner", expiresAt: null, tokenPrefix: token.slice(0, 12) });
    expect(list[0]!.lastUsedAt).toBeInstanceOf(Date);
    expect(list[1]!.lastUsedAt).toBeNull();
    await expectAppError(listApiTokens(t.as(ctx.organisationId, await t.member(ctx.organisationId, "member"), "member")), "forbidden");
  });

  it("gives a token its organisation's context, as a token actor with its scopes", async () => {
    const { org, token, row } = await create("owner", { scopes: ["read", "read:notes"] });

    const { ctx, scopes } = await tokenContext(t.handle.db, token);

    expect(ctx.organisationId).toBe(org);
    expect(ctx.actor).toEqual({ kind: "token", tokenId: row.id, name: "Grafana", scopes: ["read", "read:notes"] });
    expect(scopes).toEqual(["read", "read:notes"]);
  });

  it("refuses malformed and unknown tokens, saying which", async () => {
    await expectAppError(tokenContext(t.handle.db, "Bearer nonsense"), "unauthenticated", /not a Stave API token/);
    await expectAppError(tokenContext(t.handle.db, `stave_${"A".repeat(43)}`), "unauthenticated", /not known/);
  });

  it("refuses a revoked token at once", async () => {
    const { ctx, token, row } = await create();
    await tokenContext(t.handle.db, token);

    await revokeApiToken(ctx, row.id);

    await expectAppError(tokenContext(t.handle.db, token), "unauthenticated", /“Grafana” was revoked/);
    await expectAppError(revokeApiToken(ctx, row.id), "not_found");
  });

  it("refuses an expired token", async () => {
    const { token, row } = await create();
    await t.handle.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, row.id));

    await expectAppError(tokenContext(t.handle.db, token), "unauthenticated", /“Grafana” expired on/);
  });

  it("writes last used on first use and then at most once a minute", async () => {
    const { token, row } = await create();
    expect((await stored(row.id)).lastUsedAt).toBeNull();

    await tokenContext(t.handle.db, token);
    const first = (await stored(row.id)).lastUsedAt!;
    expect(Math.abs(first.getTime() - Date.now())).toBeLessThan(5_000);

    await tokenContext(t.handle.db, token);
    expect((await stored(row.id)).lastUsedAt).toEqual(first);

    const aMinuteAgo = new Date(Date.now() - 61_000);
    await t.handle.db.update(apiTokens).set({ lastUsedAt: aMinuteAgo }).where(eq(apiTokens.id, row.id));
    await tokenContext(t.handle.db, token);
    expect((await stored(row.id)).lastUsedAt!.getTime()).toBeGreaterThan(aMinuteAgo.getTime() + 60_000);
  });

  it("reads what a viewer reads of its own organisation, nothing of another, and writes nothing", async () => {
    const mine = await create();
    const other = await organisationWith();
    await createTeam(t.ctx(mine.org), "Platform");
    await createTeam(t.ctx(other.org), "Elsewhere");
    const { ctx } = await tokenContext(t.handle.db, mine.token);

    expect((await listTeams(ctx)).map((team) => team.name)).toEqual(["Platform"]);
    await expectAppError(createTeam(ctx, "Sneaky"), "forbidden");
    await expectAppError(createApiToken(ctx, { name: "Child", scopes: ["read"], expiresIn: "30" }), "forbidden");
    await expectAppError(revokeApiToken(ctx, mine.row.id), "forbidden");
  });

  it("cannot revoke another organisation's token", async () => {
    const theirs = await create();
    const mine = await organisationWith();

    await expectAppError(revokeApiToken(mine.ctx, theirs.row.id), "not_found");
    expect((await stored(theirs.row.id)).revokedAt).toBeNull();
  });
});
