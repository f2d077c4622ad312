import { and, eq, or, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/permissions";
import { auditEvents, inviteLinks, organisations } from "../schema";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { acceptInvitation, createInvitation, INVITE_DAYS, listOpenInvitations, previewInvitation, revokeInvitation } from "./invitations";
import { getMemberRole, listMembers, listMemberships } from "./members";

const NO_LONGER_VALID = /no longer valid/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(drivers)("invitations on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  /** An organisation with an owner who hands out the invitations. */
  async function organisationWithOwner(label = "Invitations") {
    const org = await t.organisation(label);
    const owner = await t.member(org, "owner", "Olivia Owner");
    return { org, owner };
  }

  /** Creates an invitation and finds its id (the only new one in the organisation's open list). */
  async function invite(org: string, role: Role, actor: string) {
    const before = new Set((await listOpenInvitations(t.ctx(org))).map((i) => i.id));
    const { token, expiresAt } = await createInvitation(t.as(org, actor, "owner"), role);
    const added = (await listOpenInvitations(t.ctx(org))).filter((i) => !before.has(i.id));
    expect(added).toHaveLength(1);
    return { token, expiresAt, id: added[0]!.id };
  }

  async function organisationName(org: string) {
    const [row] = await t.handle.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, org));
    return row!.name;
  }

  async function link(id: string) {
    const [row] = await t.handle.db.select().from(inviteLinks).where(eq(inviteLinks.id, id));
    return row!;
  }

  async function auditActions(org: string) {
    return t.handle.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId, detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, org));
  }

  describe("createInvitation", () => {
    it("returns a token that is stored only as a hash, valid for seven days", async () => {
      const { org, owner } = await organisationWithOwner();
      const startedAt = Date.now();

      const { token, expiresAt, id } = await invite(org, "facilitator", owner);

      expect(token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
      expect(expiresAt.getTime()).toBeGreaterThanOrEqual(startedAt + INVITE_DAYS * 86_400_000);
      expect(expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + INVITE_DAYS * 86_400_000);

      const rows = await t.handle.db.select().from(inviteLinks).where(eq(inviteLinks.organisationId, org));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id, role: "facilitator", createdBy: owner, usedAt: null, usedBy: null, revokedAt: null });
      expect(rows[0]!.tokenHash).not.toBe(token);
      expect(JSON.stringify(rows)).not.toContain(token);
      // Nowhere in the table, in any text column.
      const [{ matches } = { matches: -1 }] = await t.handle.db
        .select({ matches: sql<number>`count(*)::int` })
        .from(inviteLinks)
        .where(or(eq(inviteLinks.tokenHash, token), sql`${inviteLinks}::text like ${`%${token}%`}`));
      expect(matches).toBe(0);
      // Nor in the audit log.
      const events = await auditActions(org);
      expect(events.map((e) => e.action)).toEqual(["invitation.created"]);
      expect(JSON.stringify(events)).not.toContain(token);
    });

    it("returns a different token each time", async () => {
      const { org, owner } = await organisationWithOwner();

      const first = await invite(org, "member", owner);
      const second = await invite(org, "member", owner);

      expect(first.token).not.toBe(second.token);
      expect(first.id).not.toBe(second.id);
    });
  });

  describe("previewInvitation", () => {
    it("shows the organisation's name and the role on offer without using the link", async () => {
      const { org, owner } = await organisationWithOwner("Preview Ltd");
      const { token, id } = await invite(org, "viewer", owner);

      expect(await previewInvitation(t.handle.db, token)).toEqual({
        organisationId: org,
        organisationName: await organisationName(org),
        role: "viewer",
        teams: [],
      });
      expect((await organisationName(org)).startsWith("Preview Ltd")).toBe(true);
      expect(await previewInvitation(t.handle.db, token)).toMatchObject({ role: "viewer" });
      expect((await link(id)).usedAt).toBeNull();
    });

    it("refuses a token that was never issued", async () => {
      await expectAppError(previewInvitation(t.handle.db, "not-a-real-token"), "invalid_input", NO_LONGER_VALID);
      await expectAppError(acceptInvitation(t.handle.db, "not-a-real-token", await t.user()), "invalid_input", NO_LONGER_VALID);
    });
  });

  describe("acceptInvitation", () => {
    it("adds the user with the invitation's role, uses up the link and records it", async () => {
      const { org, owner } = await organisationWithOwner();
      const { token, id } = await invite(org, "facilitator", owner);
      const newcomer = await t.user("Nina Newcomer");

      const accepted = await acceptInvitation(t.handle.db, token, newcomer);

      expect(accepted).toEqual({ organisationId: org, organisationName: await organisationName(org), role: "facilitator", teams: [] });
      expect(await getMemberRole(t.ctx(org), newcomer)).toBe("facilitator");
      expect(await listMemberships(t.handle.db, newcomer)).toEqual([
        { organisationId: org, organisationName: await organisationName(org), role: "facilitator" },
      ]);
      expect((await listMembers(t.ctx(org))).map((m) => [m.name, m.role])).toEqual([
        ["Nina Newcomer", "facilitator"],
        ["Olivia Owner", "owner"],
      ]);
      const used = await link(id);
      expect(used.usedAt).toBeInstanceOf(Date);
      expect(used.usedBy).toBe(newcomer);
      expect(await listOpenInvitations(t.ctx(org))).toEqual([]);
      const joined = (await auditActions(org)).filter((e) => e.action === "member.joined");
      expect(joined).toEqual([{ action: "member.joined", actorId: newcomer, detail: { invitationId: id, role: "facilitator" } }]);
    });

    it("is single use: a second acceptance is refused, whoever tries", async () => {
      const { org, owner } = await organisationWithOwner();
      const { token } = await invite(org, "member", owner);
      const first = await t.user();
      const second = await t.user();
      await acceptInvitation(t.handle.db, token, first);

      await expectAppError(acceptInvitation(t.handle.db, token, second), "invalid_input", NO_LONGER_VALID);
      await expectAppError(acceptInvitation(t.handle.db, token, first), "invalid_input", NO_LONGER_VALID);
      await expectAppError(previewInvitation(t.handle.db, token), "invalid_input", NO_LONGER_VALID);
      expect(await getMemberRole(t.ctx(org), second)).toBeUndefined();
      expect((await auditActions(org)).filter((e) => e.action === "member.joined")).toHaveLength(1);
    });

    it("lets only one of two simultaneous acceptances through", async () => {
      const { org, owner } = await organisationWithOwner();
      const { token } = await invite(org, "member", owner);
      const users = [await t.user(), await t.user()];

      const results = await Promise.allSettled(users.map((u) => acceptInvitation(t.handle.db, token, u)));

      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: "invalid_input" });
      const roles = await Promise.all(users.map((u) => getMemberRole(t.ctx(org), u)));
      expect(roles.filter((r) => r !== undefined)).toEqual(["member"]);
    });

    it("refuses someone who is already a member, and leaves the link usable", async () => {
      const { org, owner } = await organisationWithOwner();
      const viewer = await t.member(org, "viewer");
      const { token, id } = await invite(org, "admin", owner);

      await expectAppError(acceptInvitation(t.handle.db, token, viewer), "conflict", "You are already a member of this organisation.");
      await expectAppError(acceptInvitation(t.handle.db, token, owner), "conflict");

      expect(await getMemberRole(t.ctx(org), viewer)).toBe("viewer");
      expect(await getMemberRole(t.ctx(org), owner)).toBe("owner");
      expect((await link(id)).usedAt).toBeNull();
      expect((await listOpenInvitations(t.ctx(org))).map((i) => i.id)).toEqual([id]);
      const someoneElse = await t.user();
      expect(await acceptInvitation(t.handle.db, token, someoneElse)).toMatchObject({ role: "admin" });
    });

    it("refuses an expired invitation", async () => {
      const { org, owner } = await organisationWithOwner();
      const { token, id } = await invite(org, "member", owner);
      await t.handle.db
        .update(inviteLinks)
        .set({ expiresAt: new Date(Date.now() - 60_000) })
        .where(eq(inviteLinks.id, id));
      const latecomer = await t.user();

      await expectAppError(previewInvitation(t.handle.db, token), "invalid_input", NO_LONGER_VALID);
      await expectAppError(acceptInvitation(t.handle.db, token, latecomer), "invalid_input", NO_LONGER_VALID);
      expect(await getMemberRole(t.ctx(org), latecomer)).toBeUndefined();
      expect((await link(id)).usedAt).toBeNull();
    });
  });

  describe("revokeInvitation", () => {
    it("makes the link unusable and records it", async () => {
      const { org, owner } = await organisationWithOwner();
      const { token, id } = await invite(org, "member", owner);
      const invitee = await t.user();

      await revokeInvitation(t.as(org, owner, "owner"), id);

      expect((await link(id)).revokedAt).toBeInstanceOf(Date);
      await expectAppError(previewInvitation(t.handle.db, token), "invalid_input", NO_LONGER_VALID);
      await expectAppError(acceptInvitation(t.handle.db, token, invitee), "invalid_input", NO_LONGER_VALID);
      expect(await getMemberRole(t.ctx(org), invitee)).toBeUndefined();
      expect((await auditActions(org)).filter((e) => e.action === "invitation.revoked")).toEqual([
        { action: "invitation.revoked", actorId: owner, detail: { invitationId: id } },
      ]);
    });

    it("cannot reach another organisation's invitation", async () => {
      const mine = await organisationWithOwner("Mine");
      const theirs = await organisationWithOwner("Theirs");
      const their = await invite(theirs.org, "member", theirs.owner);

      await expectAppError(revokeInvitation(t.as(mine.org, mine.owner, "owner"), their.id), "not_found", "The invitation was not found.");

      expect((await link(their.id)).revokedAt).toBeNull();
      expect((await listOpenInvitations(t.ctx(theirs.org))).map((i) => i.id)).toEqual([their.id]);
      expect(await auditActions(mine.org)).toEqual([]);
      expect(await previewInvitation(t.handle.db, their.token)).toMatchObject({ organisationId: theirs.org });
    });

    it("cannot revoke an invitation that has been used", async () => {
      const { org, owner } = await organisationWithOwner();
      const { token, id } = await invite(org, "member", owner);
      const newcomer = await t.user();
      await acceptInvitation(t.handle.db, token, newcomer);

      await expectAppError(revokeInvitation(t.as(org, owner, "owner"), id), "not_found");
      expect((await link(id)).revokedAt).toBeNull();
      expect(await getMemberRole(t.ctx(org), newcomer)).toBe("member");
    });
  });

  describe("listOpenInvitations", () => {
    it("lists only the organisation's unused, unrevoked, unexpired invitations, newest first", async () => {
      const { org, owner } = await organisationWithOwner();
      const other = await organisationWithOwner("Other");
      // Apart by a few milliseconds: PGlite's clock has millisecond resolution.
      const older = await invite(org, "viewer", owner);
      await sleep(5);
      const used = await invite(org, "member", owner);
      const revoked = await invite(org, "member", owner);
      const expired = await invite(org, "member", owner);
      await sleep(5);
      const newer = await invite(org, "admin", owner);
      await invite(other.org, "member", other.owner);
      await acceptInvitation(t.handle.db, used.token, await t.user());
      await revokeInvitation(t.as(org, owner, "owner"), revoked.id);
      await t.handle.db
        .update(inviteLinks)
        .set({ expiresAt: new Date(Date.now() - 1_000) })
        .where(eq(inviteLinks.id, expired.id));

      const open = await listOpenInvitations(t.ctx(org));

      expect(open.map((i) => [i.id, i.role])).toEqual([
        [newer.id, "admin"],
        [older.id, "viewer"],
      ]);
      expect(open[0]).toEqual({ id: newer.id, role: "admin", createdAt: expect.any(Date), expiresAt: newer.expiresAt, teams: [] });
      expect((await listOpenInvitations(t.ctx(other.org))).map((i) => i.id)).not.toContain(newer.id);
      expect(await listOpenInvitations(t.ctx(other.org))).toHaveLength(1);
      // The rows are still there; they are just no longer open.
      const [{ total } = { total: 0 }] = await t.handle.db
        .select({ total: sql<number>`count(*)::int` })
        .from(inviteLinks)
        .where(and(eq(inviteLinks.organisationId, org)));
      expect(total).toBe(5);
    });
  });
});
