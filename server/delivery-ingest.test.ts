import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { POST as githubPost } from "@/app/api/v1/events/github/[sourceId]/route";
import { POST as pagerDutyPost } from "@/app/api/v1/events/pagerduty/[sourceId]/route";
import { POST as eventsPost } from "@/app/api/v1/events/route";
import type { DbHandle } from "@/db/client";
import { createApiToken } from "@/db/queries/api-tokens";
import { renewDeliverySource } from "@/db/queries/delivery-sources";
import { deliveryEvents, deliveryServices } from "@/db/schema";
import { drivers, useTestDatabase } from "@/db/test-db";
import type { ApiScope } from "@/lib/api-tokens";

const { request, LIMIT } = vi.hoisted(() => ({ request: { authorization: null as string | null, handle: undefined as DbHandle | undefined }, LIMIT: 8 }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(request.authorization === null ? {} : { authorization: request.authorization }) }));
vi.mock("./start-up", () => ({ startUp: async () => request.handle }));
vi.mock("@/lib/env", async (original) => {
  const real = await original<typeof import("@/lib/env")>();
  return { env: () => ({ ...real.env(), STAVE_API_RATE_LIMIT: LIMIT }) };
});

const now = Date.now();
const iso = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
const noParams = { params: Promise.resolve({}) };
// Signatures made here with node:crypto directly, not with the code under test.
const hmac = (secret: string, body: string) => createHmac("sha256", secret).update(body, "utf8").digest("hex");

function sendEvents(token: string, body: unknown) {
  request.authorization = `Bearer ${token}`;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return eventsPost(new Request("http://localhost/api/v1/events", { method: "POST", body: text, headers: { "content-type": "application/json" } }), noParams);
}

describe.each(drivers)("receiving delivery events on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  async function organisation(scopes: ApiScope[] = ["read", "events:write"]) {
    request.handle = t.handle;
    const org = await t.organisation("Ingest");
    const owner = t.as(org, await t.member(org, "owner"), "owner");
    const { token } = await createApiToken(owner, { name: "CI", scopes, expiresIn: "30" });
    return { org, owner, token };
  }
  const stored = (org: string) => t.handle.db.select().from(deliveryEvents).where(eq(deliveryEvents.organisationId, org));

  it("records Stave's own events, says a replay changed nothing, and lists services no team owns", async () => {
    const { org, token } = await organisation();
    const body = {
      events: [
        { id: "d-1", type: "deployment", service: "checkout", time: iso(5) },
        { id: "pr-7", type: "change", service: "checkout", time: iso(8), change: "pr-7", committedAt: iso(30) },
        { id: "inc-1-open", type: "incident.detected", service: "checkout", time: iso(4), incident: "INC-1" },
      ],
    };
    const first = await sendEvents(token, body);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      recorded: 3,
      duplicates: [],
      unmappedServices: ["checkout"],
      detail: expect.stringMatching(/not mapped to a team yet \(checkout\)/),
    });

    const again = await sendEvents(token, body);
    expect(again.status).toBe(200);
    const said = await again.json();
    expect(said).toMatchObject({ recorded: 0, duplicates: [{ source: "stave", eventId: "d-1" }, {}, {}] });
    expect(said.detail).toMatch(/3 events were already recorded under the same source and id: nothing changed/);
    expect(await stored(org)).toHaveLength(3);
  });

  it("reads CDEvents, bare or inside a CloudEvent, and leaves out kinds it does not measure", async () => {
    const { org, token } = await organisation();
    const cd = (type: string, id: string, subject: Record<string, unknown>) => ({
      context: { version: "0.4.1", id, source: "/ci", type, timestamp: iso(3) },
      subject,
    });
    const response = await sendEvents(token, [
      cd("dev.cdevents.service.deployed.0.2.0", "1", { id: "service/api", content: { environment: { id: "production" } } }),
      {
        specversion: "1.0",
        id: "2",
        type: "dev.cdevents.change.merged.0.2.0",
        data: cd("dev.cdevents.change.merged.0.2.0", "2", { id: "pr-1", content: { repository: { id: "service/api" } } }),
      },
      cd("dev.cdevents.incident.detected.0.2.0", "3", { id: "INC-4", content: { service: { id: "service/api" } } }),
      cd("dev.cdevents.service.rolledback.0.2.0", "4", { id: "service/api", content: {} }),
      cd("dev.cdevents.build.finished.0.2.0", "5", { id: "build-9", content: {} }),
    ]);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ recorded: 4, ignored: [expect.stringMatching(/build\.finished/)] });
    const rows = await stored(org);
    expect(rows.map((r) => [r.kind, r.rework]).sort()).toEqual([
      ["change", false],
      ["deployment", false],
      ["deployment", true],
      ["incident_detected", false],
    ]);
  });

  it("refuses a token without events:write with 403, storing nothing", async () => {
    const { org, token } = await organisation(["read"]);
    const response = await sendEvents(token, { events: [{ id: "d", type: "deployment", service: "api", time: iso(1) }] });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect((await response.json()).detail).toMatch(/scope “events:write”/);
    expect(await stored(org)).toEqual([]);
  });

  it("counts sending events against the token's requests a minute", async () => {
    const { org, token } = await organisation();
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++)
      statuses.push((await sendEvents(token, { events: [{ id: `d${i}`, type: "deployment", service: "api", time: iso(1) }] })).status);
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
    expect(statuses[LIMIT]).toBe(429);
    expect(await stored(org)).toHaveLength(LIMIT);
  });

  it("refuses a whole batch with one event ten years away, pointing at it, and records none of it", async () => {
    const { org, token } = await organisation();
    const future = new Date(now + 10 * 365 * 86_400_000).toISOString();
    const response = await sendEvents(token, {
      events: [
        { id: "ok", type: "deployment", service: "api", time: iso(1) },
        { id: "far", type: "deployment", service: "api", time: future },
      ],
    });
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.detail).toMatch(/Nothing was recorded: .* is in the future/);
    expect(problem.errors).toEqual([{ pointer: "#/events/1/time", detail: expect.stringMatching(/in the future/) }]);
    expect(await stored(org)).toEqual([]);
    const past = await sendEvents(token, { events: [{ id: "old", type: "deployment", service: "api", time: "2016-01-01T00:00:00Z" }] });
    expect((await past.json()).detail).toMatch(/more than five years ago/);
  });

  it("refuses malformed events and a body over the limit with specific problems", async () => {
    const { org, token } = await organisation();
    const bad = await sendEvents(token, { events: [{ id: "x", type: "deploy", service: "api", time: iso(1) }] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).detail).toMatch(/type is one of deployment, change/);
    expect((await sendEvents(token, "{not json")).status).toBe(400);
    const huge = await sendEvents(token, { events: [{ id: "x", type: "deployment", service: "a".repeat(1_100_000), time: iso(1) }] });
    expect(huge.status).toBe(413);
    expect((await huge.json()).detail).toMatch(/at most 1 MB/);
    expect(await stored(org)).toEqual([]);
  });

  it("accepts a GitHub deployment status signed with the source's secret and refuses a forged one", async () => {
    const { org, owner } = await organisation();
    const { id, secret } = await renewDeliverySource(owner, "github");
    const body = JSON.stringify({
      action: "created",
      deployment_status: { id: 42, state: "failure", created_at: iso(2), updated_at: iso(2) },
      deployment: { id: 7, environment: "production", production_environment: true },
      repository: { full_name: "acme/shop" },
    });
    const post = (signature: string, payload = body, event = "deployment_status") =>
      githubPost(
        new Request(`http://localhost/api/v1/events/github/${id}`, {
          method: "POST",
          body: payload,
          headers: { "x-github-event": event, "x-hub-signature-256": signature },
        }),
        { params: Promise.resolve({ sourceId: id }) },
      );

    const forged = await post(`sha256=${hmac("not the secret", body)}`);
    expect(forged.status).toBe(401);
    expect((await forged.json()).detail).toMatch(/signature does not match/);
    expect((await post(`sha256=${hmac(secret, body + " ")}`)).status).toBe(401);
    expect(await stored(org)).toEqual([]);

    const signed = await post(`sha256=${hmac(secret, body)}`);
    expect(signed.status).toBe(200);
    expect(await signed.json()).toMatchObject({ recorded: 1, unmappedServices: ["acme/shop"] });
    expect((await stored(org))[0]).toMatchObject({ source: "github", eventId: "42", kind: "deployment", outcome: "failure" });

    const ping = JSON.stringify({ zen: "Keep it logically awesome." });
    expect(await (await post(`sha256=${hmac(secret, ping)}`, ping, "ping")).json()).toMatchObject({ recorded: 0, ignored: [expect.stringMatching(/ping/)] });

    // A new secret: the old one no longer signs.
    const renewed = await renewDeliverySource(owner, "github");
    expect(renewed.id).toBe(id);
    expect((await post(`sha256=${hmac(secret, body)}`)).status).toBe(401);

    // Forged deliveries have their own limit: past it they are refused as too many, and the source's own still arrive.
    const forgedStatuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) forgedStatuses.push((await post(`sha256=${hmac("guess", body)}`)).status);
    expect(forgedStatuses.at(0)).toBe(401);
    expect(forgedStatuses.at(-1)).toBe(429);
    expect((await post(`sha256=${hmac(renewed.secret, body)}`)).status).toBe(200);

    const unknown = await githubPost(new Request("http://localhost/x", { method: "POST", body }), {
      params: Promise.resolve({ sourceId: crypto.randomUUID() }),
    });
    expect(unknown.status).toBe(404);
  });

  it("accepts a PagerDuty v3 incident signed with any of its v1 signatures, and applies the rate limit", async () => {
    const { org, owner } = await organisation();
    const { id, secret } = await renewDeliverySource(owner, "pagerduty");
    const webhook = (eventId: string, type: string) =>
      JSON.stringify({
        event: {
          id: eventId,
          event_type: type,
          resource_type: "incident",
          occurred_at: iso(1),
          data: { id: "Q1", type: "incident", service: { id: "PSVC", summary: "Checkout API" } },
        },
      });
    const post = (body: string, signature: string) =>
      pagerDutyPost(new Request(`http://localhost/api/v1/events/pagerduty/${id}`, { method: "POST", body, headers: { "x-pagerduty-signature": signature } }), {
        params: Promise.resolve({ sourceId: id }),
      });

    const triggered = webhook("E1", "incident.triggered");
    expect((await post(triggered, `v1=${hmac("old", triggered)}`)).status).toBe(401);
    const ok = await post(triggered, `v1=${hmac("old", triggered)},v1=${hmac(secret, triggered)}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ recorded: 1, unmappedServices: ["Checkout API"] });
    const acknowledged = webhook("E2", "incident.acknowledged");
    expect(await (await post(acknowledged, `v1=${hmac(secret, acknowledged)}`)).json()).toMatchObject({
      recorded: 0,
      ignored: [expect.stringMatching(/acknowledged/)],
    });
    expect((await stored(org)).map((e) => [e.kind, e.subject])).toEqual([["incident_detected", "Q1"]]);
    const [service] = await t.handle.db.select().from(deliveryServices).where(eq(deliveryServices.organisationId, org));
    expect(service!.name).toBe("Checkout API");

    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await post(triggered, `v1=${hmac(secret, triggered)}`)).status);
    expect(statuses.at(-1)).toBe(429);
  });
});
