import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { systemActor } from "@/lib/actor";
import { auditEvents, organisations, users } from "../schema";
import { drivers, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { listAuditEvents, recordAudit } from "./audit";
import { syncModelVersions } from "./model-versions";
import { createOrganisation } from "./organisations";
import { createTeam, renameTeam, setTeamArchived } from "./teams";

const [model] = withContentId("audit-test", [testModel({ areas: [{ id: "build", questions: 1 }] })]) as [Model];

// PGlite's clock has millisecond resolution, and events that share a timestamp have no defined
// order; steps whose order a test asserts are kept a few milliseconds apart.
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe.each(drivers)("audit log on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  async function storedEvents(org: string) {
    return t.handle.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId, detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, org));
  }

  describe("listAuditEvents", () => {
    it("lists the organisation's events newest first, with the actor's name", async () => {
      const org = await t.organisation();
      const other = await t.organisation();
      const ada = await t.member(org, "owner", "Ada Admin");
      const bob = await t.member(org, "member", "Bob Builder");

      await recordAudit(t.as(org, ada, "owner"), { action: "test.first", summary: "First" });
      await tick();
      await recordAudit(t.as(other, ada, "owner"), { action: "test.elsewhere", summary: "Elsewhere" });
      await tick();
      await recordAudit(t.as(org, bob, "member"), { action: "test.second", summary: "Second", detail: { n: 2 } });
      await tick();
      await recordAudit(t.ctx(org, systemActor("demo data")), { action: "test.third", summary: "Third, by the system" });

      const events = await listAuditEvents(t.ctx(org));

      expect(events.map(({ action, summary, actorName }) => ({ action, summary, actorName }))).toEqual([
        { action: "test.third", summary: "Third, by the system", actorName: "Stave (demo data)" },
        { action: "test.second", summary: "Second", actorName: "Bob Builder" },
        { action: "test.first", summary: "First", actorName: "Ada Admin" },
      ]);
      expect(events[0]).toEqual({
        id: expect.any(String),
        action: "test.third",
        summary: "Third, by the system",
        actorName: "Stave (demo data)",
        createdAt: expect.any(Date),
      });
      const times = events.map((e) => e.createdAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect((await listAuditEvents(t.ctx(other))).map((e) => e.action)).toEqual(["test.elsewhere"]);
    });

    it("returns at most `limit` events, the newest ones", async () => {
      const org = await t.organisation();
      for (const n of [1, 2, 3]) {
        await recordAudit(t.ctx(org), { action: `test.${n}`, summary: `Event ${n}` });
        await tick();
      }

      expect((await listAuditEvents(t.ctx(org), { limit: 2 })).map((e) => e.action)).toEqual(["test.3", "test.2"]);
    });

    it("keeps an event after its actor's account is gone, naming them a former member", async () => {
      const org = await t.organisation();
      const leaver = await t.user("Gone Soon");
      await recordAudit(t.as(org, leaver, "member"), { action: "test.left", summary: "Did something" });

      await t.handle.db.delete(users).where(eq(users.id, leaver));

      const events = await listAuditEvents(t.ctx(org));
      expect(events.map(({ action, actorName }) => ({ action, actorName }))).toEqual([{ action: "test.left", actorName: "A former member" }]);
    });

    it("is empty for an organisation where nothing happened", async () => {
      expect(await listAuditEvents(t.ctx(await t.organisation()))).toEqual([]);
    });
  });

  describe("what records an event", () => {
    it("creating, renaming, archiving and restoring a team, in the team's organisation", async () => {
      const org = await t.organisation();
      const other = await t.organisation();
      const ada = await t.member(org, "admin", "Ada Admin");

      const team = await createTeam(t.as(org, ada, "admin"), "Payments");
      await tick();
      await renameTeam(t.as(org, ada, "admin"), team.id, "Checkout");
      await tick();
      await setTeamArchived(t.as(org, ada, "admin"), team.id, true);
      await tick();
      await setTeamArchived(t.as(org, ada, "admin"), team.id, false);

      expect((await listAuditEvents(t.ctx(org))).map(({ action, summary, actorName }) => ({ action, summary, actorName }))).toEqual([
        { action: "team.restored", summary: "Restored team “Checkout”", actorName: "Ada Admin" },
        { action: "team.archived", summary: "Archived team “Checkout”", actorName: "Ada Admin" },
        { action: "team.renamed", summary: "Renamed team “Payments” to “Checkout”", actorName: "Ada Admin" },
        { action: "team.created", summary: "Created team “Payments”", actorName: "Ada Admin" },
      ]);
      for (const event of await storedEvents(org)) expect(event).toMatchObject({ actorId: ada, detail: { teamId: team.id } });
      expect(await listAuditEvents(t.ctx(other))).toEqual([]);
    });

    it("nothing when a team change fails", async () => {
      const org = await t.organisation();
      const ada = await t.member(org, "admin");
      await createTeam(t.as(org, ada, "admin"), "Payments");
      const search = await createTeam(t.as(org, ada, "admin"), "Search");

      await expect(createTeam(t.as(org, ada, "admin"), "payments")).rejects.toMatchObject({ code: "conflict" });
      await expect(renameTeam(t.as(org, ada, "admin"), search.id, "PAYMENTS")).rejects.toMatchObject({ code: "conflict" });

      expect((await storedEvents(org)).map((e) => e.action)).toEqual(["team.created", "team.created"]);
    });

    it("submitting an assessment", async () => {
      const org = await t.organisation();
      const facilitator = await t.member(org, "facilitator", "Fay Facilitator");
      const team = await createTeam(t.ctx(org), "Payments");
      const assessmentId = await startAssessment(t.ctx(org), team.id, model.id);
      await saveAnswer(t.ctx(org), { assessmentId, questionId: "build-q1", answer: level(3), note: null });

      await submitAssessment(t.as(org, facilitator, "facilitator"), assessmentId);

      const [latest] = await listAuditEvents(t.ctx(org), { limit: 1 });
      expect(latest).toMatchObject({
        action: "assessment.submitted",
        summary: "Submitted an assessment for team “Payments”",
        actorName: "Fay Facilitator",
      });
      expect((await storedEvents(org)).find((e) => e.action === "assessment.submitted")).toEqual({
        action: "assessment.submitted",
        actorId: facilitator,
        detail: { assessmentId, teamId: team.id },
      });
    });

    it("creating an organisation", async () => {
      const founder = await t.user("Frida Founder");
      const organisation = await createOrganisation(t.handle.db, `Audit founders ${randomUUID()}`, founder);
      try {
        expect((await listAuditEvents(t.ctx(organisation.id))).map(({ action, actorName }) => ({ action, actorName }))).toEqual([
          { action: "organisation.created", actorName: "Frida Founder" },
        ]);
      } finally {
        // Not made through t.organisation(), so removed here (with its members and events).
        await t.handle.db.delete(organisations).where(eq(organisations.id, organisation.id));
      }
    });
  });
});
