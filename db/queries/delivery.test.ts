import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { DeliveryEvent } from "@/lib/delivery/events";
import { quarterOf, quarterStart } from "@/lib/dashboard/quarter";
import { deliveryMetrics } from "@/lib/delivery/metrics";
import { deliveryEvents, deliveryServices } from "../schema";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { listServices, mapService, recordDeliveryEvents, unmappedServiceNames } from "./delivery";
import { metricsOfTeams, teamDeliveryMetrics } from "./delivery-metrics";
import { createTeam } from "./teams";

const at = (month: number, day: number, hour = 0) => new Date(Date.UTC(2026, month - 1, day, hour));
const deploy = (eventId: string, service: string, when: Date, outcome: "success" | "failure" = "success", rework = false): DeliveryEvent => ({
  kind: "deployment",
  source: "stave",
  eventId,
  service,
  at: when,
  outcome,
  rework,
});

/** A stream over two quarters and two services: failures and their fixes, incidents, changes, a retry. */
function stream(): DeliveryEvent[] {
  const events: DeliveryEvent[] = [];
  for (let week = 0; week < 24; week++) {
    const day = new Date(at(2, 2).getTime() + week * 7 * 86_400_000);
    const plus = (hours: number) => new Date(day.getTime() + hours * 3_600_000);
    for (const service of ["checkout", "payments"]) {
      events.push({
        kind: "change",
        source: "cdevents",
        eventId: `c-${service}-${week}`,
        service,
        at: plus(2),
        subject: `pr-${week}`,
        committedAt: week % 3 ? plus(-20 - week) : null,
      });
      events.push(deploy(`d-${service}-${week}`, service, plus(6 + (week % 5)), week % 7 === 3 ? "failure" : "success", week % 11 === 0));
      if (week % 4 === 1 && service === "checkout") {
        events.push({ kind: "incident_detected", source: "pagerduty", eventId: `i-${week}-d`, service, at: plus(12), subject: `INC${week}` });
        events.push(deploy(`fix-${service}-${week}`, service, plus(14)));
        if (week !== 21)
          events.push({ kind: "incident_resolved", source: "pagerduty", eventId: `i-${week}-r`, service, at: plus(15 + week), subject: `INC${week}` });
      }
    }
  }
  return events;
}

describe.each(drivers)("delivery data on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  async function organisation() {
    const org = await t.organisation("Delivery");
    const ownerId = await t.member(org, "owner", "Olu Owner");
    return { org, ctx: t.ctx(org), owner: t.as(org, ownerId, "owner") };
  }
  const serviceId = async (org: string, name: string) =>
    (
      await t.handle.db.select({ id: deliveryServices.id, org: deliveryServices.organisationId }).from(deliveryServices).where(eq(deliveryServices.name, name))
    ).find((s) => s.org === org)!.id;

  it("stores each event once: sent again, it is reported as a duplicate and nothing changes", async () => {
    const { org, ctx } = await organisation();
    const events = [deploy("a", "checkout", at(3, 1)), deploy("b", "checkout", at(3, 2))];
    expect(await recordDeliveryEvents(ctx, events)).toEqual({ recorded: 2, duplicates: [], unmappedServices: ["checkout"] });
    const again = await recordDeliveryEvents(ctx, [
      deploy("b", "checkout", at(3, 9), "failure"),
      deploy("c", "checkout", at(3, 3)),
      deploy("c", "checkout", at(3, 3)),
    ]);
    expect(again.recorded).toBe(1);
    expect(again.duplicates).toEqual([
      { source: "stave", eventId: "b" },
      { source: "stave", eventId: "c" },
    ]);
    const stored = await t.handle.db.select().from(deliveryEvents).where(eq(deliveryEvents.organisationId, org));
    expect(stored).toHaveLength(3);
    expect(stored.find((e) => e.eventId === "b")).toMatchObject({ outcome: "success", occurredAt: at(3, 2) });
  });

  it("keeps the same event id of another organisation apart", async () => {
    const a = await organisation();
    const b = await organisation();
    await recordDeliveryEvents(a.ctx, [deploy("same", "checkout", at(3, 1))]);
    expect((await recordDeliveryEvents(b.ctx, [deploy("same", "checkout", at(3, 1))])).recorded).toBe(1);
  });

  it("keeps unknown services and lists them for mapping until a team owns them", async () => {
    const { org, ctx, owner } = await organisation();
    const team = await createTeam(ctx, "Checkout");
    await recordDeliveryEvents(ctx, [deploy("a", "checkout", at(3, 1)), deploy("b", "search", at(3, 1))]);
    expect(await unmappedServiceNames(owner)).toEqual(["checkout", "search"]);
    await mapService(owner, await serviceId(org, "checkout"), team.id);
    expect(await unmappedServiceNames(owner)).toEqual(["search"]);
    expect((await recordDeliveryEvents(ctx, [deploy("c", "checkout", at(3, 2))])).unmappedServices).toEqual([]);
    const listed = await listServices(owner);
    expect(listed.map((s) => [s.name, s.teamName, s.events])).toEqual([
      ["search", null, 1],
      ["checkout", "Checkout", 2],
    ]);
  });

  it("refuses another organisation's service or team, and members who are not owners or admins", async () => {
    const mine = await organisation();
    const theirs = await organisation();
    const myTeam = await createTeam(mine.ctx, "Mine");
    const theirTeam = await createTeam(theirs.ctx, "Theirs");
    await recordDeliveryEvents(theirs.ctx, [deploy("x", "their-service", at(3, 1))]);
    await recordDeliveryEvents(mine.ctx, [deploy("y", "my-service", at(3, 1))]);
    const theirService = await serviceId(theirs.org, "their-service");
    await expectAppError(mapService(mine.owner, theirService, myTeam.id), "not_found", /service/);
    await expectAppError(mapService(mine.owner, await serviceId(mine.org, "my-service"), theirTeam.id), "not_found", /team/);
    const memberId = await t.member(mine.org, "facilitator");
    await expectAppError(mapService(t.as(mine.org, memberId, "facilitator"), await serviceId(mine.org, "my-service"), myTeam.id), "forbidden");
    await expectAppError(listServices(t.as(mine.org, memberId, "facilitator")), "forbidden");
    const [their] = await t.handle.db.select({ teamId: deliveryServices.teamId }).from(deliveryServices).where(eq(deliveryServices.id, theirService));
    expect(their!.teamId).toBeNull();
    await expectAppError(teamDeliveryMetrics(mine.ctx, theirTeam.id), "not_found");
    // A token sends events only with the events:write scope; a facilitator not at all.
    const reader = { ...mine.ctx, actor: { kind: "token" as const, tokenId: crypto.randomUUID(), name: "Reader", scopes: ["read" as const] } };
    await expectAppError(recordDeliveryEvents(reader, [deploy("z", "my-service", at(3, 2))]), "forbidden", /events:write/);
    await expectAppError(recordDeliveryEvents(t.as(mine.org, memberId, "facilitator"), [deploy("z", "my-service", at(3, 2))]), "forbidden");
    const writer = { ...reader, actor: { ...reader.actor, scopes: ["events:write" as const] } };
    expect((await recordDeliveryEvents(writer, [deploy("z", "my-service", at(3, 2))])).recorded).toBe(1);
  });

  it("computes the same metrics in SQL as the pure functions, per quarter, for the team's services only", async () => {
    const { org, ctx, owner } = await organisation();
    const team = await createTeam(ctx, "Platform");
    const other = await createTeam(ctx, "Other");
    const events = stream();
    // Sent out of order, in two batches, with the second batch repeating part of the first.
    const shuffled = [...events].sort((a, b) => (a.eventId < b.eventId ? -1 : 1));
    await recordDeliveryEvents(ctx, shuffled.slice(0, 80));
    await recordDeliveryEvents(ctx, shuffled.slice(40));
    await recordDeliveryEvents(ctx, [deploy("elsewhere", "search", at(3, 3), "failure")]);
    await mapService(owner, await serviceId(org, "checkout"), team.id);
    await mapService(owner, await serviceId(org, "payments"), team.id);
    await mapService(owner, await serviceId(org, "search"), other.id);

    const fromSql = await teamDeliveryMetrics(owner, team.id);
    const quarters = [...new Set(events.map((e) => quarterOf(e.at)))].sort();
    expect(fromSql.map((q) => q.quarter)).toEqual(quarters);
    for (const row of fromSql) {
      const expected = deliveryMetrics(events, { from: quarterStart(row.quarter), to: quarterStart(row.quarter + 1) });
      const { quarter: _quarter, ...figures } = row;
      for (const [name, value] of Object.entries(expected)) {
        if (value === null) expect(figures[name as keyof typeof figures], name).toBeNull();
        else expect(figures[name as keyof typeof figures], name).toBeCloseTo(value, 6);
      }
      expect(row.deployments).toBeGreaterThan(0);
    }
    // The stream has failures, recoveries and rework in it, so the comparison is not of zeros.
    expect(fromSql.some((q) => q.failedDeployments > 0 && q.recoveredDeployments > 0 && q.reworkDeployments > 0)).toBe(true);
  });

  it("reads from the quarter's start only what matters before it, and gets the same metrics as from every event", async () => {
    const { org, ctx, owner } = await organisation();
    const team = await createTeam(ctx, "Edge");
    const incident = (eventId: string, subject: string, kind: "incident_detected" | "incident_resolved", when: Date): DeliveryEvent => ({
      kind,
      source: "pagerduty",
      eventId,
      service: "edge",
      at: when,
      subject,
    });
    const change = (eventId: string, service: string, merged: Date, committedAt: Date | null): DeliveryEvent => ({
      kind: "change",
      source: "github",
      eventId,
      service,
      at: merged,
      subject: eventId,
      committedAt,
    });
    const events: DeliveryEvent[] = [
      deploy("e1", "edge", at(3, 20, 10)),
      // The last good deployment before the quarter; a change merged at that moment went out with it, one merged after it goes out in the quarter.
      deploy("e2", "edge", at(3, 30, 10)),
      change("c0", "edge", at(3, 30, 10), null),
      change("c1", "edge", at(3, 30, 11), at(3, 29, 8)),
      // A deployment failing just before the quarter makes the first of the quarter rework; its incident, open across the start, the second too.
      deploy("e3", "edge", at(3, 31, 12), "failure"),
      incident("a-d", "INC-A", "incident_detected", at(3, 31, 13)),
      deploy("e4", "edge", at(4, 2)),
      deploy("e5", "edge", at(4, 2, 12)),
      incident("a-r", "INC-A", "incident_resolved", at(4, 3)),
      incident("b-d", "INC-B", "incident_detected", at(4, 2, 13)),
      incident("b-r", "INC-B", "incident_resolved", at(4, 2, 15)),
      // Resolved before it was detected: it failed the deployment live then, and was never open.
      deploy("e6", "edge", at(4, 4)),
      incident("d-r", "INC-D", "incident_resolved", at(4, 5, 12)),
      incident("d-d", "INC-D", "incident_detected", at(4, 6)),
      deploy("e7", "edge", at(4, 8)),
      // An incident detected before the service's first deployment and never resolved: every deployment of it is rework.
      { ...incident("c-d", "INC-C", "incident_detected", at(2, 1)), service: "legacy" },
      deploy("l1", "legacy", at(2, 2)),
      deploy("l2", "legacy", at(4, 5)),
      change("c2", "legacy", at(4, 9), null),
    ];
    await recordDeliveryEvents(ctx, events);
    await mapService(owner, await serviceId(org, "edge"), team.id);
    await mapService(owner, await serviceId(org, "legacy"), team.id);

    const q2 = quarterOf(at(4, 1));
    const fromQuarter = await metricsOfTeams(owner, sql`select ${team.id}::uuid`, at(4, 1));
    expect(fromQuarter.map((r) => r.quarter)).toEqual([q2]);
    const { teamId: _, quarter: _q, ...figures } = fromQuarter[0]!;
    const expected = deliveryMetrics(events, { from: quarterStart(q2), to: quarterStart(q2 + 1) });
    for (const [name, value] of Object.entries(expected)) {
      if (value === null) expect(figures[name as keyof typeof figures], name).toBeNull();
      else expect(figures[name as keyof typeof figures], name).toBeCloseTo(value, 6);
    }
    expect(figures).toMatchObject({ deployments: 5, changesDeployed: 1, failedDeployments: 2, reworkDeployments: 3, recoveredDeployments: 2 });
    expect((await teamDeliveryMetrics(owner, team.id)).find((r) => r.quarter === q2)).toEqual({ quarter: q2, ...figures });
  });
});
