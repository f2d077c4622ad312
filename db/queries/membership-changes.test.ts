import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../client";
import { auditEvents, members } from "../schema";
import { withTransaction } from "../transaction";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { getMemberRole, listMembers, listMemberships } from "./members";
import { changeMemberRole, removeMember } from "./membership-changes";
import { addTeamMember, isTeamMember, listTeamMembers } from "./team-members";
import { createTeam } from "./teams";

const NEEDS_AN_OWNER = "An organisation needs at least one owner. Make someone else owner first.";

describe.each(drivers)("membership changes on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  async function auditOf(org: string) {
    return t.handle.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId, summary: auditEvents.summary, detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, org));
  }

  describe("changeMemberRole", () => {
    it("changes a member's role and records who changed it", async () => {
      const org = await t.organisation();
      const owner = await t.member(org, "owner", "Olivia Owner");
      const member = await t.member(org, "member", "Max Member");

      await changeMemberRole(t.as(org, owner, "owner"), member, "admin");

      expect(await getMemberRole(t.ctx(org), member)).toBe("admin");
      expect(await getMemberRole(t.ctx(org), owner)).toBe("owner");
      expect(await auditOf(org)).toEqual([
        {
          action: "member.role_changed",
          actorId: owner,
          summary: "Changed Max Member's role from Member to Admin",
          detail: { userId: member, from: "member", to: "admin" },
        },
      ]);
    });

    it("records nothing when the role is already the one asked for", async () => {
      const org = await t.organisation();
      const owner = await t.member(org, "owner");
      const member = await t.member(org, "viewer");

      await changeMemberRole(t.as(org, owner, "owner"), member, "viewer");
      await changeMemberRole(t.as(org, owner, "owner"), owner, "owner");

      expect(await getMemberRole(t.ctx(org), member)).toBe("viewer");
      expect(await auditOf(org)).toEqual([]);
    });

    it("refuses to demote the last owner and changes nothing", async () => {
      const org = await t.organisation();
      const owner = await t.member(org, "owner");
      await t.member(org, "admin");

      await expectAppError(changeMemberRole(t.as(org, owner, "owner"), owner, "admin"), "conflict", NEEDS_AN_OWNER);

      expect(await getMemberRole(t.ctx(org), owner)).toBe("owner");
      expect(await auditOf(org)).toEqual([]);
    });

    it("demotes an owner while another owner remains, but not the one left after that", async () => {
      const org = await t.organisation();
      const first = await t.member(org, "owner");
      const second = await t.member(org, "owner");

      await changeMemberRole(t.as(org, second, "owner"), first, "member");
      expect(await getMemberRole(t.ctx(org), first)).toBe("member");

      await expectAppError(changeMemberRole(t.as(org, second, "owner"), second, "admin"), "conflict", NEEDS_AN_OWNER);
      expect(await getMemberRole(t.ctx(org), second)).toBe("owner");
    });

    it("counts only the organisation's own owners", async () => {
      const org = await t.organisation();
      const other = await t.organisation();
      const owner = await t.member(org, "owner");
      // The same person owns another organisation too; that does not make them replaceable here.
      await t.handle.db.insert(members).values({ organisationId: other, userId: owner, role: "owner" });
      await t.member(other, "owner");

      await expectAppError(changeMemberRole(t.as(org, owner, "owner"), owner, "member"), "conflict");
      expect(await getMemberRole(t.ctx(org), owner)).toBe("owner");
    });

    it("reports a user who is not a member of the organisation as not found", async () => {
      const org = await t.organisation();
      const owner = await t.member(org, "owner");
      const elsewhere = await t.organisation();
      const outsider = await t.member(elsewhere, "member");

      await expectAppError(changeMemberRole(t.as(org, owner, "owner"), randomUUID(), "admin"), "not_found", "The member was not found.");
      await expectAppError(changeMemberRole(t.as(org, owner, "owner"), outsider, "admin"), "not_found");
      expect(await getMemberRole(t.ctx(elsewhere), outsider)).toBe("member");
      expect(await getMemberRole(t.ctx(org), outsider)).toBeUndefined();
    });
  });

  describe("a promotion racing an admin's change", () => {
    /**
     * Holds a transaction that has made `target` an owner (and so holds the organisation's turn)
     * until `contender` is waiting for that turn; then commits. On PostgreSQL it waits until the
     * contender's statement is seen blocked on a lock; the embedded database runs one transaction at
     * a time, so there the contender simply starts after the commit.
     */
    async function promoteWhile(org: string, owner: string, target: string, contender: () => Promise<unknown>) {
      let raced: Promise<unknown> | undefined;
      await withTransaction(t.as(org, owner, "owner"), async (ctx) => {
        await changeMemberRole(ctx, target, "owner");
        raced = contender().catch((error: unknown) => error);
        if (t.handle.driver !== "postgres") return;
        // Polls until the contender is seen waiting (on a busy machine its connection may take a while).
        for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
          // Inside a transaction the activity view is a snapshot: refresh it each time.
          await ctx.db.execute(sql`select pg_stat_clear_snapshot()`);
          const [waiting] = await queryRows<{ n: number }>(
            ctx.db,
            sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database() and query ilike '%organisations%for update%'`,
          );
          if (Number(waiting!.n) > 0) return;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        throw new Error("the admin's change never waited for the promotion");
      });
      return raced!;
    }

    it("refuses the admin's change: the target is an owner by the time the admin's write decides", async () => {
      const org = await t.organisation();
      const owner = await t.member(org, "owner");
      const admin = await t.member(org, "admin");
      const target = await t.member(org, "member", "Tara Target");

      // The admin loaded the members page while Tara was a member; their change arrives after she was made owner.
      const outcome = await promoteWhile(org, owner, target, () => changeMemberRole(t.as(org, admin, "admin"), target, "viewer"));

      expect(outcome).toMatchObject({ code: "forbidden", message: "Only an owner can grant or change the role Owner." });
      expect(await getMemberRole(t.ctx(org), target)).toBe("owner");
      expect((await auditOf(org)).map((e) => e.summary)).toEqual(["Changed Tara Target's role from Member to Owner"]);
    });

    it("refuses the admin's removal the same way", async () => {
      const org = await t.organisation();
      const owner = await t.member(org, "owner");
      const admin = await t.member(org, "admin");
      const target = await t.member(org, "member");

      const outcome = await promoteWhile(org, owner, target, () => removeMember(t.as(org, admin, "admin"), target));

      expect(outcome).toMatchObject({ code: "forbidden" });
      expect(await getMemberRole(t.ctx(org), target)).toBe("owner");
    });
  });

  describe("removeMember", () => {
    it("removes the membership and the user's teams in that organisation only, and records it", async () => {
      const org = await t.organisation();
      const other = await t.organisation();
      const owner = await t.member(org, "owner", "Olivia Owner");
      const leaver = await t.member(org, "member", "Lee Leaver");
      await t.handle.db.insert(members).values({ organisationId: other, userId: leaver, role: "member" });
      const payments = await createTeam(t.ctx(org), "Payments");
      const search = await createTeam(t.ctx(org), "Search");
      const elsewhere = await createTeam(t.ctx(other), "Payments");
      await addTeamMember(t.ctx(org), payments.id, leaver);
      await addTeamMember(t.ctx(org), search.id, leaver);
      await addTeamMember(t.ctx(org), payments.id, owner);
      await addTeamMember(t.ctx(other), elsewhere.id, leaver);

      await removeMember(t.as(org, owner, "owner"), leaver);

      expect(await getMemberRole(t.ctx(org), leaver)).toBeUndefined();
      expect((await listMembers(t.ctx(org))).map((m) => m.userId)).toEqual([owner]);
      expect(await isTeamMember(t.ctx(org), payments.id, leaver)).toBe(false);
      expect(await isTeamMember(t.ctx(org), search.id, leaver)).toBe(false);
      expect((await listTeamMembers(t.ctx(org), payments.id)).map((m) => m.userId)).toEqual([owner]);
      // Their membership and team in the other organisation are untouched.
      expect(await listMemberships(t.handle.db, leaver)).toEqual([{ organisationId: other, organisationName: expect.any(String), role: "member" }]);
      expect(await isTeamMember(t.ctx(other), elsewhere.id, leaver)).toBe(true);

      const removed = (await auditOf(org)).filter((e) => e.action === "member.removed");
      expect(removed).toEqual([{ action: "member.removed", actorId: owner, summary: "Removed Lee Leaver", detail: { userId: leaver } }]);
      expect((await auditOf(other)).filter((e) => e.action === "member.removed")).toEqual([]);
    });

    it("refuses to remove the last owner and changes nothing", async () => {
      const org = await t.organisation();
      const owner = await t.member(org, "owner");
      const admin = await t.member(org, "admin");
      const team = await createTeam(t.ctx(org), "Platform");
      await addTeamMember(t.ctx(org), team.id, owner);

      await expectAppError(removeMember(t.as(org, owner, "owner"), owner), "conflict", NEEDS_AN_OWNER);
      // An admin may not remove an owner at all, whatever their context claims: the role is read inside the write.
      await expectAppError(removeMember(t.as(org, admin, "owner"), owner), "forbidden", "Only an owner can grant or change the role Owner.");

      expect(await getMemberRole(t.ctx(org), owner)).toBe("owner");
      expect(await isTeamMember(t.ctx(org), team.id, owner)).toBe(true);
      expect((await auditOf(org)).filter((e) => e.action === "member.removed")).toEqual([]);
    });

    it("removes an owner while another owner remains", async () => {
      const org = await t.organisation();
      const first = await t.member(org, "owner");
      const second = await t.member(org, "owner");

      await removeMember(t.as(org, second, "owner"), first);

      expect(await getMemberRole(t.ctx(org), first)).toBeUndefined();
      await expectAppError(removeMember(t.as(org, second, "owner"), second), "conflict", NEEDS_AN_OWNER);
      expect(await getMemberRole(t.ctx(org), second)).toBe("owner");
    });

    it("reports an unknown member as not found", async () => {
      const org = await t.organisation();
      const owner = await t.member(org, "owner");
      const elsewhere = await t.organisation();
      const outsider = await t.member(elsewhere, "viewer");

      await expectAppError(removeMember(t.as(org, owner, "owner"), randomUUID()), "not_found", "The member was not found.");
      await expectAppError(removeMember(t.as(org, owner, "owner"), outsider), "not_found");
      expect(await getMemberRole(t.ctx(elsewhere), outsider)).toBe("viewer");
      expect(await auditOf(org)).toEqual([]);
    });
  });
});
