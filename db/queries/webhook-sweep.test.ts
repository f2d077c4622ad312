import { describe, expect, it } from "vitest";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { drivers, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { syncModelVersions } from "./model-versions";
import { setTarget } from "./targets";
import { createTeam, setTeamCadence } from "./teams";
import { listWebhookDeliveries } from "./webhook-deliveries";
import { createWebhookEndpoint } from "./webhook-endpoints";
import { sweepWebhookEvents } from "./webhook-sweep";

const [model] = withContentId("sweep-test", [
  testModel({
    areas: [
      { id: "build", questions: 1 },
      { id: "run", questions: 1 },
    ],
  }),
]) as [Model];

describe.each(drivers)("the calendar's webhook events on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [model]);
  });

  it("tell an assessment overdue and a target missed once each, in the week they happen", async () => {
    const org = await t.organisation("Sweeps");
    const ctx = t.as(org, await t.member(org, "owner"), "owner");
    const { id: endpointId } = await createWebhookEndpoint(ctx, {
      url: "https://hooks.example.com/stave",
      description: "",
      events: ["assessment.overdue", "target.missed"],
      format: "standard",
    });
    const team = await createTeam(ctx, "Payments");
    await setTeamCadence(ctx, team.id, "quarterly");
    const id = await startAssessment(ctx, team.id, model.id);
    await saveAnswer(ctx, { assessmentId: id, questionId: "build-q1", answer: level(2), note: null });
    await saveAnswer(ctx, { assessmentId: id, questionId: "run-q1", answer: level(4), note: null });
    await submitAssessment(ctx, id, { submittedAt: new Date("2026-06-01T09:00:00Z") });
    await setTarget(ctx, { assessmentId: id, level: 3, dueOn: "2026-08-15" }, new Date("2026-06-02T09:00:00Z"));
    const told = async () => (await listWebhookDeliveries(ctx, endpointId)).map((d) => d.event).toSorted();

    expect(await sweepWebhookEvents(t.handle.db, new Date("2026-08-15T12:00:00Z"))).toBe(0);
    expect(await sweepWebhookEvents(t.handle.db, new Date("2026-08-17T12:00:00Z"))).toBe(1);
    expect(await sweepWebhookEvents(t.handle.db, new Date("2026-08-18T12:00:00Z"))).toBe(0);
    expect(await told()).toEqual(["target.missed"]);

    // Due three months after the last submission: overdue from 2 September.
    expect(await sweepWebhookEvents(t.handle.db, new Date("2026-09-01T12:00:00Z"))).toBe(0);
    expect(await sweepWebhookEvents(t.handle.db, new Date("2026-09-03T12:00:00Z"))).toBe(1);
    expect(await sweepWebhookEvents(t.handle.db, new Date("2026-09-04T12:00:00Z"))).toBe(0);
    expect(await told()).toEqual(["assessment.overdue", "target.missed"]);
    const overdue = (await listWebhookDeliveries(ctx, endpointId)).find((d) => d.event === "assessment.overdue");
    expect(overdue).toMatchObject({ state: "pending", attempts: 0 });
  });

  it("tell an endpoint added later nothing of what happened before the last week", async () => {
    const org = await t.organisation("Late");
    const ctx = t.as(org, await t.member(org, "owner"), "owner");
    const team = await createTeam(ctx, "Search");
    await setTeamCadence(ctx, team.id, "quarterly");
    const id = await startAssessment(ctx, team.id, model.id);
    await saveAnswer(ctx, { assessmentId: id, questionId: "build-q1", answer: level(1), note: null });
    await saveAnswer(ctx, { assessmentId: id, questionId: "run-q1", answer: level(1), note: null });
    await submitAssessment(ctx, id, { submittedAt: new Date("2026-01-10T09:00:00Z") });
    const { id: endpointId } = await createWebhookEndpoint(ctx, {
      url: "https://hooks.example.com/late",
      description: "",
      events: ["assessment.overdue"],
      format: "standard",
    });
    await sweepWebhookEvents(t.handle.db, new Date("2026-06-01T12:00:00Z"));
    expect(await listWebhookDeliveries(ctx, endpointId)).toEqual([]);
  });
});
