import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { saveSsoSchema } from "@/lib/validation/sso";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { members, ssoProviders, users } from "../schema";
import { listAuditEvents } from "./audit";
import { getSsoSettings, saveSsoSettings, type DiscoveredOidc } from "./sso";
import { joinThroughSso, passwordSignInRefused, ssoForEmail, ssoForProvider } from "./sso-sign-in";

const discovered = (issuer: string): DiscoveredOidc => ({
  issuer,
  discoveryEndpoint: `${issuer}/.well-known/openid-configuration`,
  authorizationEndpoint: `${issuer}/auth`,
  tokenEndpoint: `${issuer}/token`,
  jwksEndpoint: `${issuer}/jwks`,
});

/** A domain no other test (or earlier run on PostgreSQL) uses. */
const freshDomain = () => `d${randomUUID().slice(0, 8)}.example`;

const input = (fields: Record<string, unknown>) =>
  saveSsoSchema.parse({ issuer: "https://login.example.com", clientId: "stave", clientSecret: "s3cret", ...fields });

describe.each(drivers)("an organisation's single sign-on on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  it("saves the provider, domains and mapping for the owner, keeps the secret out of what the page reads, and audits it", async () => {
    const org = await t.organisation();
    const owner = t.as(org, await t.member(org, "owner"), "owner");
    const domain = freshDomain();
    await saveSsoSettings(
      owner,
      input({ domains: domain, mapGroup: ["stave-admins", ""], mapRole: ["admin", "member"], passwordSignInOff: "on" }),
      discovered("https://login.example.com"),
    );
    const saved = await getSsoSettings(owner);
    expect(saved).toMatchObject({
      issuer: "https://login.example.com",
      clientId: "stave",
      hasSecret: true,
      domains: [domain],
      mapping: [{ group: "stave-admins", role: "admin" }],
      passwordSignInOff: true,
    });
    expect(JSON.stringify(saved)).not.toContain("s3cret");
    expect(await ssoForEmail(t.handle.db, `ann@${domain}`)).toMatchObject({ organisationId: org, passwordSignInOff: true });
    expect(await passwordSignInRefused(t.handle.db, `ann@${domain}`)).toBe(true);
    expect(await passwordSignInRefused(t.handle.db, `ann@other-${domain}`)).toBe(false);
    const events = await listAuditEvents(owner);
    expect(events.find((e) => e.action === "organisation.sso_set")?.summary).toContain(domain);

    // An empty secret keeps the saved one.
    await saveSsoSettings(owner, input({ domains: domain, clientSecret: "" }), discovered("https://login.example.com"));
    const [row] = await t.handle.db.select({ oidcConfig: ssoProviders.oidcConfig }).from(ssoProviders).where(eq(ssoProviders.organizationId, org));
    expect(JSON.parse(row!.oidcConfig!)).toMatchObject({ clientSecret: "s3cret", mapping: { extraFields: { groups: "groups" } } });
  });

  it("refuses a domain another organisation has, an empty first secret and anyone but an owner, writing nothing", async () => {
    const [first, second] = [await t.organisation(), await t.organisation()];
    const domain = freshDomain();
    await saveSsoSettings(t.as(first, await t.member(first, "owner"), "owner"), input({ domains: domain }), discovered("https://a.example.com"));
    const owner = t.as(second, await t.member(second, "owner"), "owner");
    const taken = await expectAppError(
      saveSsoSettings(owner, input({ domains: `${freshDomain()}, ${domain}` }), discovered("https://b.example.com")),
      "conflict",
    );
    expect(taken.fieldErrors?.domains?.[0]).toMatch(/belongs to another organisation/);
    await expectAppError(
      saveSsoSettings(owner, input({ domains: freshDomain(), clientSecret: "" }), discovered("https://b.example.com")),
      "invalid_input",
      /client secret/,
    );
    expect(await getSsoSettings(owner)).toBeNull();
    const admin = t.as(second, await t.member(second, "admin"), "admin");
    await expectAppError(saveSsoSettings(admin, input({ domains: freshDomain() }), discovered("https://b.example.com")), "forbidden");
    await expectAppError(getSsoSettings(admin), "forbidden");
  });

  it("lets a person join with the mapped role, follows the mapping at each sign-in, and never moves an owner", async () => {
    const org = await t.organisation();
    const ownerId = await t.member(org, "owner");
    const domain = freshDomain();
    await saveSsoSettings(t.as(org, ownerId, "owner"), input({ domains: domain, passwordSignInOff: "on" }), discovered("https://login.example.com"));
    // The owner keeps their password even with password sign-in off, so a broken provider cannot lock them out.
    await t.handle.db
      .update(users)
      .set({ email: `boss@${domain}` })
      .where(eq(users.id, ownerId));
    expect(await passwordSignInRefused(t.handle.db, `boss@${domain}`)).toBe(false);
    const connection = await ssoForProvider(t.handle.db, `org-${org}`);
    expect(connection).toMatchObject({ organisationId: org, domains: [domain] });
    const person = await t.user();
    const roleOf = async (userId: string) =>
      (await t.handle.db.select({ role: members.role }).from(members).where(eq(members.userId, userId))).find(Boolean)?.role;
    await joinThroughSso(t.handle.db, { organisationId: org, userId: person, email: `p@${domain}`, role: "admin" });
    expect(await roleOf(person)).toBe("admin");
    await joinThroughSso(t.handle.db, { organisationId: org, userId: person, email: `p@${domain}`, role: "viewer" });
    expect(await roleOf(person)).toBe("viewer");
    await joinThroughSso(t.handle.db, { organisationId: org, userId: ownerId, email: `o@${domain}`, role: "member" });
    expect(await roleOf(ownerId)).toBe("owner");
    const actions = (await listAuditEvents(t.as(org, ownerId, "owner"))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["member.joined_sso", "member.role_sso"]));
  });
});
