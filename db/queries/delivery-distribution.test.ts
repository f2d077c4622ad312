import { describe, expect, it } from "vitest";
import { quarterOf } from "@/lib/dashboard/quarter";
import type { DeliveryEvent } from "@/lib/delivery/events";
import { deliveryMetrics } from "@/lib/delivery/metrics";
import { deliveryDistribution } from "@/lib/delivery/distribution";
import { drivers, useTestDatabase } from "../test-db";
import { dashboardVersion } from "./dashboard-cache";
import { listServices, mapService, recordDeliveryEvents } from "./delivery";
import { deliverySpread } from "./delivery-distribution";
import { createGroup, setTeamGroup } from "./groups";
import { createTeam } from "./teams";

// 2026 Q1: three teams deploying 1, 3 and 9 times a week over its 13 weeks, one failing now and then.
const FROM = new Date(Date.UTC(2026, 0, 1));
const QUARTER = { from: FROM, to: new Date(Date.UTC(2026, 3, 1)) };
function deployments(service: string, perWeek: number): DeliveryEvent[] {
  return Array.from({ length: perWeek * 12 }, (_, i) => ({
    kind: "deployment",
    source: "stave",
    eventId: `${service}-${i}`,
    service,
    at: new Date(FROM.getTime() + ((i + 0.5) * 84 * 86_400_000) / (perWeek * 12)),
    outcome: i % 5 === 4 ? "failure" : "success",
    rework: false,
  }));
}

describe.each(drivers)("the dashboard's spread of delivery metrics on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  it("gives the median and quartiles of the teams in scope, withheld from those outside a group with too few teams measured", async () => {
    const org = await t.organisation("Spread");
    const owner = t.as(org, await t.member(org, "owner", "Olu Owner"), "owner");
    const member = t.as(org, await t.member(org, "member", "Mo Member"), "member");
    const labs = await createGroup(owner, { name: "Labs", parentId: null });
    const paces = { alpha: 1, beta: 3, gamma: 9 };
    const events = Object.entries(paces).flatMap(([name, pace]) => deployments(name, pace));
    await recordDeliveryEvents(owner, events);
    const services = await listServices(owner);
    for (const name of Object.keys(paces)) {
      const team = (await createTeam(owner, name)).id;
      await mapService(owner, services.find((s) => s.name === name)!.id, team);
      if (name !== "gamma") await setTeamGroup(owner, team, labs.id);
    }
    const quarter = quarterOf(FROM);

    const whole = await deliverySpread(member, { groupId: null, modelId: "any" }, quarter);
    const expected = deliveryDistribution(
      Object.keys(paces).map((name) =>
        deliveryMetrics(
          events.filter((e) => e.service === name),
          QUARTER,
        ),
      ),
    );
    expect(whole).toMatchObject({ quarter, teams: 3, withheld: false });
    expect(whole.metrics).toEqual(
      expected.map((m) => ({
        ...m,
        spread: m.spread && { q1: expect.closeTo(m.spread.q1, 9), median: expect.closeTo(m.spread.median, 9), q3: expect.closeTo(m.spread.q3, 9) },
      })),
    );
    expect(whole.metrics[0]!.spread!.median).toBeCloseTo(36 / (90 / 7), 9);

    // Labs has two teams measured: fewer than three, so only those inside it (owners and admins among them) see its spread.
    expect(await deliverySpread(member, { groupId: labs.id, modelId: "any" }, quarter)).toEqual({
      quarter,
      teams: 2,
      withheld: true,
      withheldReason: "too-few-teams",
      metrics: [],
    });
    expect(await deliverySpread(owner, { groupId: labs.id, modelId: "any" }, quarter)).toMatchObject({ teams: 2, withheld: false });
    expect((await deliverySpread(owner, { groupId: null, modelId: "any" }, quarter + 1)).teams).toBe(0);
  });

  it("withholds a group's spread that, taken from its parent's, would give away a smaller group's by subtraction", async () => {
    const org = await t.organisation("Spread by subtraction");
    const owner = t.as(org, await t.member(org, "owner", "Olu Owner"), "owner");
    const member = t.as(org, await t.member(org, "member", "Mo Member"), "member");
    // Product: six teams with delivery data, five of them in Web; the sixth sits in Product itself.
    const product = await createGroup(owner, { name: "Product", parentId: null });
    const web = await createGroup(owner, { name: "Web", parentId: product.id });
    const names = ["one", "two", "three", "four", "five", "six"];
    await recordDeliveryEvents(
      owner,
      names.flatMap((name, i) => deployments(name, i + 1)),
    );
    const services = await listServices(owner);
    for (const name of names) {
      const team = (await createTeam(owner, name)).id;
      await mapService(owner, services.find((s) => s.name === name)!.id, team);
      await setTeamGroup(owner, team, name === "six" ? product.id : web.id);
    }
    const quarter = quarterOf(FROM);
    const spread = (ctx: typeof owner, groupId: string) => deliverySpread(ctx, { groupId, modelId: "any" }, quarter);

    // Product's median beside Web's would give the sixth team's pace away: Web's is withheld from those outside it.
    expect(await spread(member, product.id)).toMatchObject({ teams: 6, withheld: false });
    expect(await spread(member, web.id)).toEqual({ quarter, teams: 5, withheld: true, withheldReason: "complementary", metrics: [] });
    expect(await spread(owner, web.id)).toMatchObject({ teams: 5, withheld: false });
  });

  it("keeps the spread at the dashboard version, which events recorded and services mapped move, and a replay does not", async () => {
    const org = await t.organisation("Spread version");
    const owner = t.as(org, await t.member(org, "owner", "Olu Owner"), "owner");
    const events = [...deployments("alpha", 1), ...deployments("beta", 3), ...deployments("gamma", 9)];
    await recordDeliveryEvents(owner, events);
    const services = await listServices(owner);
    const teamOf = new Map<string, string>();
    for (const name of ["alpha", "beta", "gamma"]) teamOf.set(name, (await createTeam(owner, name)).id);
    for (const name of ["alpha", "beta"]) await mapService(owner, services.find((s) => s.name === name)!.id, teamOf.get(name)!);
    const quarter = quarterOf(FROM);
    const whole = () => deliverySpread(owner, { groupId: null, modelId: "any" }, quarter);
    const perWeek = async () => (await whole()).metrics[0]!.spread!.median;
    expect((await whole()).teams).toBe(2);

    // A replay records nothing and moves nothing.
    const before = await dashboardVersion(owner);
    expect((await recordDeliveryEvents(owner, events)).recorded).toBe(0);
    expect(await dashboardVersion(owner)).toBe(before);

    // Mapping a service moves the version: the third team counts at once.
    await mapService(owner, services.find((s) => s.name === "gamma")!.id, teamOf.get("gamma")!);
    expect(await dashboardVersion(owner)).toBeGreaterThan(before);
    expect((await whole()).teams).toBe(3);
    expect(await perWeek()).toBeCloseTo(36 / (90 / 7), 9);

    // So does recording events: alpha now deploys 20 times a week, and the median is gamma's pace.
    await recordDeliveryEvents(
      owner,
      deployments("alpha", 20).map((e) => ({ ...e, eventId: `more-${e.eventId}` })),
    );
    expect(await perWeek()).toBeCloseTo(108 / (90 / 7), 9);
  });
});
