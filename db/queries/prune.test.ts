import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jobs, sentNotices, webhookDeliveries } from "../schema";
import { drivers, useTestDatabase } from "../test-db";
import { pruneFinishedWork } from "./prune";
import { createWebhookEndpoint } from "./webhook-endpoints";

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

describe.each(drivers)("pruning finished work on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  it("removes finished jobs, finished deliveries and reminder keys past their keeping, and nothing still in use", async () => {
    const org = await t.organisation("Prune");
    const userId = await t.member(org, "owner");
    const ctx = t.as(org, userId, "owner");
    const db = t.handle.db;
    const job = (state: "done" | "failed" | "queued", finished: number | null) => ({
      kind: "mail" as const,
      payload: {},
      organisationId: org,
      state,
      createdAt: daysAgo(60),
      finishedAt: finished === null ? null : daysAgo(finished),
    });
    const jobIds = (
      await db
        .insert(jobs)
        .values([job("done", 31), job("failed", 45), job("done", 29), job("queued", null)])
        .returning({ id: jobs.id })
    ).map((r) => r.id);
    const { id: endpointId } = await createWebhookEndpoint(ctx, {
      url: "https://hooks.example.com/p",
      description: "",
      events: ["assessment.submitted"],
      format: "standard",
    });
    const delivery = (state: "delivered" | "failed" | "retrying", age: number) => ({
      organisationId: org,
      endpointId,
      event: "assessment.submitted" as const,
      subject: {},
      state,
      createdAt: daysAgo(age),
    });
    const deliveryIds = (
      await db
        .insert(webhookDeliveries)
        .values([delivery("delivered", 91), delivery("failed", 100), delivery("delivered", 80), delivery("retrying", 91)])
        .returning({ id: webhookDeliveries.id })
    ).map((r) => r.id);
    const key = (n: string) => `prune-test:${org}:${n}`;
    await db.insert(sentNotices).values([
      { key: key("old"), userId, organisationId: org, kind: "target", createdAt: daysAgo(91) },
      { key: key("new"), userId, organisationId: org, kind: "target", createdAt: daysAgo(10) },
    ]);

    const removed = await pruneFinishedWork(db);
    expect(removed.jobs).toBeGreaterThanOrEqual(2);
    expect(removed.deliveries).toBeGreaterThanOrEqual(2);
    expect(removed.notices).toBeGreaterThanOrEqual(1);
    expect((await db.select({ id: jobs.id }).from(jobs).where(inArray(jobs.id, jobIds))).map((r) => r.id).toSorted()).toEqual(
      [jobIds[2], jobIds[3]].toSorted(),
    );
    expect(
      (await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(inArray(webhookDeliveries.id, deliveryIds))).map((r) => r.id).toSorted(),
    ).toEqual([deliveryIds[2], deliveryIds[3]].toSorted());
    expect((await db.select({ key: sentNotices.key }).from(sentNotices).where(eq(sentNotices.organisationId, org))).map((r) => r.key)).toEqual([key("new")]);
  });
});
