import { randomUUID } from "node:crypto";
import path from "node:path";
import { and, eq, isNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModels, newestModel } from "@/content/load-models";
import { env } from "@/lib/env";
import { openDb, useDbHandle, type DbHandle, type OpenDbOptions } from "../client";
import { getLatestShippedModelVersion, syncModelVersions, type StoredModel } from "../queries/model-versions";
import { verifyPassword } from "better-auth/crypto";
import { accounts, answers, assessments, groups, members, organisations, teams, users } from "../schema";
import { DEMO_GROUPS } from "./demo-groups";
import { systemActor } from "@/lib/actor";
import { DEMO_PASSWORD } from "@/lib/demo";
import { scoreAssessment } from "@/lib/scoring";
import { listSubmittedAssessments } from "../queries/visible-assessments";
import { getRespondentsView } from "../queries/respondents";
import { listTeamScores } from "../queries/scores";
import { listAuditEvents } from "../queries/audit";
import { teamDeliveryMetrics } from "../queries/delivery-metrics";
import { firstRunProgress } from "../queries/first-run";
import { OrganisationExistsError, seedDemoOrganisation, type SeedDemoResult } from "./demo";

const devopsCore = newestModel(loadModels(path.join(process.cwd(), "content", "models")), "devops-core");
const now = new Date("2026-05-01T12:00:00Z");
const { DATABASE_URL } = env();

const targets: [string, OpenDbOptions][] = [["PGlite", { memory: true }]];
if (DATABASE_URL) targets.push(["PostgreSQL", { databaseUrl: DATABASE_URL, poolSize: 2 }]);

describe.each(targets)("seedDemoOrganisation on %s", (driver, options) => {
  const shared = driver === "PostgreSQL";
  let handle: DbHandle;
  let stored: StoredModel;
  let seeded: SeedDemoResult | undefined;

  beforeAll(async () => {
    if (!devopsCore) throw new Error("content/models has no devops-core model");
    handle = await openDb(options);
    useDbHandle(handle);
    await syncModelVersions(handle.db, [devopsCore]);
    stored = (await getLatestShippedModelVersion(handle.db, "devops-core"))!;
  });

  afterAll(async () => {
    // A shared PostgreSQL outlives the run: take the demo organisation out again (cascades).
    if (shared && seeded) {
      const demoUsers = await handle.db.select({ id: members.userId }).from(members).where(eq(members.organisationId, seeded.organisationId));
      await handle.db.delete(organisations).where(eq(organisations.id, seeded.organisationId));
      for (const u of demoUsers) await handle.db.delete(users).where(eq(users.id, u.id));
    }
    await handle?.close();
  });

  it("adds the demo organisation with 24 teams in groups, their submitted assessments and every answer", async () => {
    // A shared database may hold other organisations already.
    seeded = await seedDemoOrganisation(handle.db, stored, now, { requireEmpty: !shared });
    const { db } = handle;
    const org = eq(assessments.organisationId, seeded.organisationId);
    const questionCount = stored.model.areas.reduce((n, a) => n + a.questions.length, 0);

    expect(seeded.teams).toBe(24);
    expect(seeded.assessments).toBeGreaterThanOrEqual(150);
    expect(seeded.assessments).toBeLessThanOrEqual(200);
    expect(await db.$count(teams, eq(teams.organisationId, seeded.organisationId))).toBe(24);
    // Every team sits in a group: two departments of two tribes each, and a lab.
    expect(await db.$count(teams, and(eq(teams.organisationId, seeded.organisationId), isNull(teams.groupId)))).toBe(0);
    expect(await db.$count(groups, eq(groups.organisationId, seeded.organisationId))).toBe(DEMO_GROUPS.length);
    expect(await db.$count(assessments, org)).toBe(seeded.assessments);
    expect(await db.$count(answers, eq(answers.organisationId, seeded.organisationId))).toBe(seeded.assessments * questionCount);
    // No drafts, no missing dates, all against the given model version.
    expect(await db.$count(assessments, and(org, ne(assessments.status, "submitted")))).toBe(0);
    expect(await db.$count(assessments, and(org, isNull(assessments.submittedAt)))).toBe(0);
    expect(await db.$count(assessments, and(org, ne(assessments.modelVersionId, stored.id)))).toBe(0);
    const kinds = await db.selectDistinct({ kind: answers.kind }).from(answers).where(eq(answers.organisationId, seeded.organisationId));
    expect(kinds.map((k) => k.kind).sort()).toEqual(["level", "not_applicable", "unsure"]);
    // Stave itself made it, and the audit log says so.
    const events = await listAuditEvents({ organisationId: seeded.organisationId, actor: systemActor("test"), db });
    expect(events.map(({ action, actorName }) => ({ action, actorName }))).toEqual([{ action: "organisation.created", actorName: "Stave (demo data)" }]);
  });

  it("gives every team a service with six months of delivery events, so its metrics and measured level show", async () => {
    const ctx = { organisationId: seeded!.organisationId, actor: systemActor("test"), db: handle.db };
    const teamIds = (await handle.db.select({ id: teams.id }).from(teams).where(eq(teams.organisationId, seeded!.organisationId))).map((t) => t.id);
    const paces = await Promise.all(teamIds.map(async (id) => (await teamDeliveryMetrics(ctx, id)).at(-2)!.deploymentsPerWeek));
    // One a fortnight to several a day: every measured level of DevOps Core shows somewhere.
    expect(Math.min(...paces)).toBeLessThan(1);
    expect(Math.max(...paces)).toBeGreaterThan(15);
    expect(teamIds.length).toBe(24);
    expect((await teamDeliveryMetrics(ctx, teamIds[23]!)).length).toBeGreaterThanOrEqual(3);
  });

  it("adds one sign-in per role, each with the demo password", async () => {
    expect(seeded!.signIns.map((s) => s.role)).toEqual(["owner", "admin", "facilitator", "member", "viewer"]);
    const rows = await handle.db
      .select({ email: users.email, role: members.role, hash: accounts.password })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .innerJoin(accounts, eq(accounts.userId, users.id))
      .where(eq(members.organisationId, seeded!.organisationId));
    expect(rows.map((r) => r.email).sort()).toEqual(seeded!.signIns.map((s) => s.email).sort());
    expect(await verifyPassword({ hash: rows[0]!.hash!, password: DEMO_PASSWORD })).toBe(true);
  });

  it("is past its first steps: its owners and admins are shown no first-run checklist", async () => {
    const ctx = { organisationId: seeded!.organisationId, actor: systemActor("test"), db: handle.db };
    expect(await firstRunProgress(ctx)).toEqual({ teamCreated: true, peopleInvited: true, assessmentSubmitted: true, cadenceSet: true });
  });

  it("stores every demo assessment's score, equal to scoring its answers again", async () => {
    const ctx = { organisationId: seeded!.organisationId, actor: systemActor("test"), db: handle.db };
    const teamIds = (await handle.db.select({ id: teams.id }).from(teams).where(eq(teams.organisationId, seeded!.organisationId))).map((r) => r.id);
    let compared = 0;
    for (const teamId of teamIds) {
      const [kept, answered] = await Promise.all([listTeamScores(ctx, teamId), listSubmittedAssessments(ctx, teamId)]);
      expect(kept.map((k) => k.assessmentId)).toEqual(answered.map((a) => a.id));
      kept.forEach((k, i) => {
        const a = answered[i]!;
        expect(k.score).toEqual(scoreAssessment(a.model, a.answers));
        compared++;
      });
    }
    expect(compared).toBe(seeded!.assessments);
  });

  it("has a team whose latest two assessments four members answered on their own, each team answer their median", async () => {
    const owner = { organisationId: seeded!.organisationId, actor: { kind: "member" as const, userId: randomUUID(), role: "owner" as const }, db: handle.db };
    const [checkout] = await handle.db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.organisationId, seeded!.organisationId), eq(teams.name, "Checkout")));
    const kept = await listTeamScores(owner, checkout!.id);
    expect(kept.slice(0, -2).every((k) => k.spread === null)).toBe(true);
    for (const k of kept.slice(-2)) {
      expect(k.spread!.respondents).toBe(4);
      const view = await getRespondentsView(owner, k.assessmentId);
      const questions = view.areas.flatMap((a) => a.questions);
      expect(questions.every((q) => q.tally.total === 4 && q.team && !q.team.setByLead)).toBe(true);
      expect(questions.every((q) => q.team!.value.kind !== "level" || q.team!.value.level === q.tally.median)).toBe(true);
      expect(view.disagreements).toBeGreaterThan(0);
      expect(k.spread!.areas.map((a) => a.disagreements)).toEqual(view.areas.map((a) => a.spread.disagreements));
    }
  });

  it("refuses to seed once an organisation exists, and adds nothing", async () => {
    const before = await handle.db.$count(organisations);
    await expect(seedDemoOrganisation(handle.db, stored, now)).rejects.toThrow(OrganisationExistsError);
    expect(await handle.db.$count(organisations)).toBe(before);
  });
});
