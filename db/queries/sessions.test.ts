import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { members, sessions, users } from "../schema";
import { drivers, useTestDatabase } from "../test-db";
import { changeMemberRole, removeMember } from "./membership-changes";
import { findSession } from "./sessions";

describe.each(drivers)("findSession on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  async function signedIn(org: string, role: "owner" | "member" = "member") {
    const userId = await t.member(org, role, "Sam Session");
    const token = randomUUID();
    await t.handle.db.insert(sessions).values({ id: randomUUID(), token, userId, expiresAt: new Date(Date.now() + 3_600_000), activeOrganisationId: org });
    return { userId, token };
  }

  it("finds the session with its user and every membership, oldest first", async () => {
    const org = await t.organisation("First");
    const other = await t.organisation("Second");
    const { userId, token } = await signedIn(org);
    await t.handle.db.insert(members).values({ organisationId: other, userId, role: "viewer" });

    const found = await findSession(t.handle, token);

    expect(found).toMatchObject({ activeOrganisationId: org, user: { id: userId, name: "Sam Session", email: `${userId}@test.example` } });
    expect(found!.memberships.map((m) => [m.organisationId, m.role])).toEqual([
      [org, "member"],
      [other, "viewer"],
    ]);
    expect(found!.expiresAt).toBeInstanceOf(Date);
    expect(await findSession(t.handle, randomUUID())).toBeUndefined();
  });

  // On the embedded database lookups are kept in memory: every one of these changes must show at once.
  it("sees a removal, a role change, a signed-out session and a deleted account on the very next lookup", async () => {
    const org = await t.organisation();
    const owner = await t.member(org, "owner");
    const { userId, token } = await signedIn(org);
    expect((await findSession(t.handle, token))!.memberships).toHaveLength(1);
    expect((await findSession(t.handle, token))!.memberships[0]!.role).toBe("member");

    await changeMemberRole(t.as(org, owner, "owner"), userId, "viewer");
    expect((await findSession(t.handle, token))!.memberships[0]!.role).toBe("viewer");

    await removeMember(t.as(org, owner, "owner"), userId);
    expect((await findSession(t.handle, token))!.memberships).toEqual([]);

    await t.handle.db.insert(members).values({ organisationId: org, userId, role: "member" });
    expect((await findSession(t.handle, token))!.memberships).toHaveLength(1);

    await t.handle.db.delete(sessions).where(and(eq(sessions.token, token), eq(sessions.userId, userId)));
    expect(await findSession(t.handle, token)).toBeUndefined();

    const second = await signedIn(org);
    expect(await findSession(t.handle, second.token)).toBeDefined();
    await t.handle.db.delete(users).where(eq(users.id, second.userId));
    expect(await findSession(t.handle, second.token)).toBeUndefined();
  });
});
