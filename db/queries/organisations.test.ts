import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDb } from "../client";
import { auditEvents, members, organisations } from "../schema";
import { drivers, useTestDatabase } from "../test-db";
import { createOrganisation, isFirstRun } from "./organisations";

describe("isFirstRun on a fresh pglite", () => {
  const t = useTestDatabase(() => openDb({ memory: true }));

  it("is true until the first account or organisation exists", async () => {
    expect(await isFirstRun(t.handle.db)).toBe(true);
    await t.user();
    expect(await isFirstRun(t.handle.db)).toBe(false);
  });
});

describe.each(drivers)("createOrganisation on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  it("makes the creator its owner and records it in the audit log", async () => {
    const userId = await t.user("Olivia");
    const organisation = await createOrganisation(t.handle.db, "Acme Delivery", userId);
    expect(organisation).toEqual({ id: expect.any(String), name: "Acme Delivery" });

    const [membership] = await t.handle.db
      .select({ role: members.role })
      .from(members)
      .where(and(eq(members.organisationId, organisation.id), eq(members.userId, userId)));
    expect(membership).toEqual({ role: "owner" });
    const events = await t.handle.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, organisation.id));
    expect(events).toEqual([{ action: "organisation.created", actorId: userId }]);
    // Leave nothing behind on a shared PostgreSQL (the browser tests' first-run check needs it empty).
    await t.handle.db.delete(organisations).where(eq(organisations.id, organisation.id));
  });
});
