import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { DeliveryEvent } from "@/lib/delivery/events";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { backfillScores } from "../score-rows";
import { assessmentScores, auditEvents, deliveryServices } from "../schema";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { mapService, recordDeliveryEvents } from "./delivery";
import { listMeasuredLevels, measuredLevelsCap, setMeasuredLevelsCap } from "./measured-levels";
import { syncModelVersions } from "./model-versions";
import { listTeamScores } from "./scores";
import { createTeam } from "./teams";

// One area of two questions, the first measured by deployment frequency (thresholds as Core 1.2.1's).
const [model] = withContentId("measured-levels-test", [testModel({ areas: [{ id: "ship", questions: 2 }] })]) as [Model];
model.areas[0]!.questions[0]!.measured_by = { metric: "deployment-frequency", thresholds: [0.23, 1, 5, 15] };

// Submitted in 2026 Q4, so 2026 Q3 (13 weeks and a day) is measured: two deployments a week, about 2 a week → level 3.
const SUBMITTED = new Date(Date.UTC(2026, 10, 16, 12));
const deployments = (service: string): DeliveryEvent[] =>
  Array.from({ length: 26 }, (_, i) => ({
    kind: "deployment",
    source: "stave",
    eventId: `${service}-${i}`,
    service,
    at: new Date(Date.UTC(2026, 6, 1 + Math.floor(i * 3.5), 10)),
    outcome: "success",
    rework: false,
  }));

describe.each(drivers)("measured levels on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  /** An organisation whose team answered 5 and 4, with a quarter of deployments behind it; the assessment submitted. */
  async function submitted(caps: boolean | null) {
    const org = await t.organisation("Measured");
    const ownerId = await t.member(org, "owner", "Olu Owner");
    const owner = t.as(org, ownerId, "owner");
    if (caps !== null) await setMeasuredLevelsCap(owner, caps);
    const team = (await createTeam(owner, "Payments")).id;
    await recordDeliveryEvents(t.ctx(org), deployments("checkout"));
    const [service] = await t.handle.db.select({ id: deliveryServices.id }).from(deliveryServices).where(eq(deliveryServices.organisationId, org));
    await mapService(owner, service!.id, team);
    const assessmentId = await startAssessment(owner, team, model.id);
    await saveAnswer(owner, { assessmentId, questionId: "ship-q1", answer: level(5), note: null });
    await saveAnswer(owner, { assessmentId, questionId: "ship-q2", answer: level(4), note: null });
    await submitAssessment(owner, assessmentId, { submittedAt: SUBMITTED });
    const score = async () => (await listTeamScores(owner, team)).find((s) => s.assessmentId === assessmentId)!.score;
    return { org, owner, team, assessmentId, score };
  }

  it("keeps what the quarter before submission measured, and leaves scores alone without the organisation's choice", async () => {
    const { owner, assessmentId, score } = await submitted(null);
    expect(await measuredLevelsCap(owner)).toBe(false);
    expect(await listMeasuredLevels(owner, assessmentId)).toEqual([
      { questionId: "ship-q1", metric: "deployment-frequency", quarter: 2026 * 4 + 2, metricValue: expect.closeTo(26 / (92 / 7), 6), level: 3, capped: false },
    ]);
    expect((await score()).areas[0]!.score).toBe(4.5);
  });

  it("with the choice on, stores the capped score, and scores it again the same way", async () => {
    const { owner, assessmentId, score, org } = await submitted(true);
    expect(await listMeasuredLevels(owner, assessmentId)).toEqual([expect.objectContaining({ questionId: "ship-q1", level: 3, capped: true })]);
    expect((await score()).areas[0]!.score).toBe(3.5);
    // Scored again (a newer scoring version at start-up), the kept cap applies again.
    await t.handle.db.delete(assessmentScores).where(eq(assessmentScores.organisationId, org));
    expect(await backfillScores(t.handle.db)).toBeGreaterThanOrEqual(1);
    expect((await score()).areas[0]!.score).toBe(3.5);
  });

  it("lets owners and admins choose, audited, and refuses anyone else", async () => {
    const org = await t.organisation("Measured choice");
    const admin = t.as(org, await t.member(org, "admin", "Ada Admin"), "admin");
    const member = t.as(org, await t.member(org, "member", "Mo Member"), "member");
    await expectAppError(setMeasuredLevelsCap(member, true), "forbidden");
    expect(await measuredLevelsCap(admin)).toBe(false);
    await setMeasuredLevelsCap(admin, true);
    expect(await measuredLevelsCap(member)).toBe(true);
    const audited = await t.handle.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.organisationId, org));
    expect(audited.map((a) => a.action)).toEqual(["organisation.measured_levels_set"]);
    expect(await measuredLevelsCap(t.ctx(await t.organisation("Other")))).toBe(false);
  });
});
