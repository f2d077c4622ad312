import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAnswer } from "@/db/queries/answers";
import { startAssessment, submitAssessment } from "@/db/queries/assessments";
import { runDueJobs } from "@/db/queries/jobs";
import { syncModelVersions } from "@/db/queries/model-versions";
import { createTeam } from "@/db/queries/teams";
import { listWebhookDeliveries, raiseWebhookEvent, replayWebhookDelivery } from "@/db/queries/webhook-deliveries";
import { createWebhookEndpoint, endpointSecrets, listWebhookEndpoints, replaceWebhookSecret, setWebhookEndpointEnabled } from "@/db/queries/webhook-endpoints";
import type { Ctx } from "@/db/context";
import { jobs } from "@/db/schema";
import { drivers, expectAppError, useTestDatabase, withContentId } from "@/db/test-db";
import { resultsSchema } from "@/lib/contracts/results";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import type { WebhookEvent } from "@/lib/webhooks/events";
import { startWebhookReceiver } from "@/test/webhook-receiver";
import { endWorkshop } from "@/db/queries/workshops";
import { runningWorkshop, workshopTestModel } from "@/db/queries/workshop-test-room";
import { webhookSender } from "./webhook-delivery";

const [model] = withContentId("webhook-test", [
  testModel({
    areas: [
      { id: "build", questions: 1 },
      { id: "run", questions: 1 },
    ],
  }),
]) as [Model];

describe.each(drivers)("webhooks on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [model, workshopTestModel]);
  });
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => void (receiver = await startWebhookReceiver()));
  afterAll(() => receiver.stop());

  /** Every due job, as an instance's runner would; webhooks may go to the receiver (the operator's allowed host). */
  const send = (allowed = [receiver.host]) =>
    runDueJobs(t.handle.db, { mail: async () => "kept", webhook: webhookSender(t.handle.db, allowed) }, { organisationId: organisation });

  /** The organisation under test: its jobs only are run (suites side by side on one PostgreSQL have their own). */
  let organisation: string | undefined;
  async function owner() {
    const org = (organisation = await t.organisation("Webhooks"));
    return t.as(org, await t.member(org, "owner"), "owner");
  }

  const endpoint = (ctx: Ctx, events: WebhookEvent[], format: "standard" | "slack" = "standard", path = "/hook") =>
    createWebhookEndpoint(ctx, { url: receiver.url(path), description: "", events, format });

  async function submitted(ctx: Ctx, teamId: string, levels: { build: number; run: number }, options?: { submittedAt: Date }) {
    const id = await startAssessment(ctx, teamId, model.id);
    for (const [area, n] of Object.entries(levels)) await saveAnswer(ctx, { assessmentId: id, questionId: `${area}-q1`, answer: level(n), note: null });
    await submitAssessment(ctx, id, options);
    return id;
  }

  const from = (path: string) => receiver.received.filter((r) => r.path === path);

  it("signs each delivery as Standard Webhooks says, carries the results contract, and sends only the events an endpoint chose", async () => {
    const ctx = await owner();
    const standard = await endpoint(ctx, ["assessment.submitted", "weakest-stave.changed"], "standard", "/standard");
    await endpoint(ctx, ["water-level.dropped"], "slack", "/slack");
    receiver.trust(standard.secret);
    const team = await createTeam(ctx, "Payments");

    const first = await submitted(ctx, team.id, { build: 2, run: 4 });
    await send();
    expect(from("/standard")).toHaveLength(1);
    const [delivery] = from("/standard");
    expect(delivery!.verified).toBe(true);
    expect(delivery!.headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    const message = JSON.parse(delivery!.body);
    expect(message).toMatchObject({ type: "assessment.submitted", data: { previous: null } });
    expect(resultsSchema.parse(message.data.results)).toMatchObject({
      assessmentId: first,
      teamName: "Payments",
      score: { waterLevel: 2, weakest: ["build"] },
    });
    expect(from("/slack")).toHaveLength(0);

    const second = await submitted(ctx, team.id, { build: 4, run: 1 });
    await send();
    const types = from("/standard").map((r) => JSON.parse(r.body).type);
    expect(types.toSorted()).toEqual(["assessment.submitted", "assessment.submitted", "weakest-stave.changed"]);
    expect(from("/standard").every((r) => r.verified)).toBe(true);
    const changed = JSON.parse(from("/standard")[types.indexOf("weakest-stave.changed")]!.body);
    expect(changed.data).toMatchObject({
      results: { assessmentId: second, score: { weakest: ["run"] } },
      previous: { assessmentId: first, weakest: ["build"], waterLevel: 2 },
    });
    const slack = from("/slack");
    expect(slack).toHaveLength(1);
    expect(JSON.parse(slack[0]!.body).text).toMatch(
      /^\*Payments\*'s water level dropped from 2\.0 to 1\.0\. <http:\/\/localhost:\d+\/teams\/.+\/results\|Results of /,
    );
  });

  it("tries a failing endpoint again later, keeps each answer, and replays a delivery once with the same id and body", async () => {
    const ctx = await owner();
    const { id: endpointId } = await endpoint(ctx, ["assessment.submitted"], "standard", "/flaky");
    const team = await createTeam(ctx, "Search");
    receiver.answer(500);
    try {
      await submitted(ctx, team.id, { build: 3, run: 3 });
      await send();
      const [failed] = await listWebhookDeliveries(ctx, endpointId);
      expect(failed).toMatchObject({ state: "retrying", attempts: 1, lastStatus: 500, lastAnswer: "receiver says no", lastError: null });
      const [job] = await t.handle.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, "webhook"), eq(jobs.organisationId, ctx.organisationId)));
      expect(job).toMatchObject({ state: "queued", attempts: 1, lastError: "The endpoint answered 500." });
      expect(job!.runAt.getTime()).toBeGreaterThan(Date.now() + 50_000);

      // A replay is sent once now, and not again when it fails.
      await replayWebhookDelivery(ctx, failed!.id);
      await send();
      expect((await listWebhookDeliveries(ctx, endpointId))[0]).toMatchObject({ state: "failed", attempts: 2 });
      receiver.answer(200);
      await replayWebhookDelivery(ctx, failed!.id);
      await send();
      expect((await listWebhookDeliveries(ctx, endpointId))[0]).toMatchObject({ state: "delivered", attempts: 3, lastStatus: 200 });
      const sent = from("/flaky");
      expect(sent).toHaveLength(3);
      expect(new Set(sent.map((r) => r.headers["webhook-id"])).size).toBe(1);
      expect(new Set(sent.map((r) => r.body)).size).toBe(1);
    } finally {
      receiver.answer(200);
    }
  });

  it("refuses to send to an address the operator did not allow, for good, saying why", async () => {
    const ctx = await owner();
    const { id: endpointId } = await endpoint(ctx, ["assessment.submitted"], "standard", "/private");
    await submitted(ctx, (await createTeam(ctx, "Ledger")).id, { build: 1, run: 1 });
    await send([]);
    expect(from("/private")).toHaveLength(0);
    expect((await listWebhookDeliveries(ctx, endpointId))[0]).toMatchObject({ state: "failed", lastError: expect.stringMatching(/^Refused: .*loopback/) });
  });

  it("sends nothing to a paused endpoint, and says so in its log", async () => {
    const ctx = await owner();
    const { id: endpointId } = await endpoint(ctx, ["assessment.submitted"], "standard", "/paused");
    await submitted(ctx, (await createTeam(ctx, "Mobile")).id, { build: 2, run: 2 });
    await setWebhookEndpointEnabled(ctx, endpointId, false);
    await send();
    expect(from("/paused")).toHaveLength(0);
    expect((await listWebhookDeliveries(ctx, endpointId))[0]).toMatchObject({ state: "failed", attempts: 0, lastError: "Not sent: the endpoint was paused." });
  });

  it("tells nobody of an imported history's assessments, and an event raised twice with one key once", async () => {
    const ctx = await owner();
    const { id: endpointId } = await endpoint(ctx, ["assessment.submitted", "workshop.ended"], "standard", "/quiet");
    await submitted(ctx, (await createTeam(ctx, "Archive")).id, { build: 2, run: 2 }, { submittedAt: new Date("2025-03-01T10:00:00Z") });
    expect(await listWebhookDeliveries(ctx, endpointId)).toEqual([]);
    const workshopId = "00000000-0000-4000-8000-00000000000a";
    expect(await raiseWebhookEvent(ctx, "workshop.ended", { workshopId }, { onceKey: `workshop.ended:${workshopId}` })).toBe(1);
    expect(await raiseWebhookEvent(ctx, "workshop.ended", { workshopId }, { onceKey: `workshop.ended:${workshopId}` })).toBe(0);
    expect(await listWebhookDeliveries(ctx, endpointId)).toHaveLength(1);
  });

  it("lets only owners and admins manage endpoints, never lists secrets, and keeps a replaced secret signing for a day", async () => {
    const ctx = await owner();
    const member = t.as(ctx.organisationId, await t.member(ctx.organisationId, "member"), "member");
    await expectAppError(endpoint(member, ["assessment.submitted"]), "forbidden");
    const { id, secret } = await endpoint(ctx, ["assessment.submitted"], "standard", "/rotated");
    expect(JSON.stringify(await listWebhookEndpoints(ctx))).not.toContain(secret);
    const { secret: next } = await replaceWebhookSecret(ctx, id);
    expect(await endpointSecrets(ctx, id)).toEqual([next, secret]);
    expect((await listWebhookEndpoints(ctx))[0]!.previousSecretUntil!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);

    // A receiver that still has the old secret verifies the delivery, and so does one with the new.
    receiver.trust(secret);
    await submitted(ctx, (await createTeam(ctx, "Platform")).id, { build: 2, run: 3 });
    await send();
    expect(from("/rotated")[0]!.verified).toBe(true);
    receiver.trust(next);
    await replayWebhookDelivery(ctx, (await listWebhookDeliveries(ctx, id))[0]!.id);
    await send();
    expect(from("/rotated")[1]!.verified).toBe(true);
    receiver.trust();
  });

  it("tells a workshop's end once, as a sentence with the report's link for Slack", async () => {
    const room = await runningWorkshop(t);
    organisation = room.org;
    const ctx = t.as(room.org, await t.member(room.org, "admin"), "admin");
    await endpoint(ctx, ["workshop.ended"], "slack", "/room");
    await endWorkshop(room.facilitator, room.workshop.id);
    await send();
    expect(from("/room").map((r) => JSON.parse(r.body).text)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\*Payments\\*'s workshop ended: 0 participants voted on 0 questions\\. <http://localhost:\\d+/workshops/${room.workshop.id}/report\\|Workshop report>$`,
        ),
      ),
    ]);
  });
});
