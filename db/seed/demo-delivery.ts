import { randomUUID } from "node:crypto";
import type { Tx } from "../client";
import { deliveryEvents, deliveryServices } from "../schema";
import { createRandom } from "./prng";

// Six months of delivery events for the demo teams, one service each, so a newcomer sees delivery
// metrics on the trend page and measured levels beside the answers. Generated from a fixed seed
// (the same teams get the same events on every run) and inserted in batches.

const DAY = 86_400_000;
const HOUR = 3_600_000;
const DAYS = 190;
const BATCH = 1000;
/** Deployments a week, team by team in turn: from one a fortnight to several a day. */
const PACES = [0.5, 2, 6, 1, 12, 3, 20, 0.8];

type EventRow = typeof deliveryEvents.$inferInsert;

/** The events of one service over the days before `now`: deployments at the team's pace, each with its change, some failing, with incidents. */
export function demoServiceEvents(organisationId: string, serviceId: string, name: string, pace: number, seed: number, now: Date): EventRow[] {
  const random = createRandom(seed);
  const rows: EventRow[] = [];
  const base = { organisationId, serviceId, source: "stave" as const };
  const count = Math.round((pace * DAYS) / 7);
  const failRate = pace >= 6 ? 0.05 : pace >= 2 ? 0.12 : 0.25;
  for (let i = 0; i < count; i++) {
    const at = new Date(now.getTime() - DAYS * DAY + ((i + random.next()) * DAYS * DAY) / count);
    const leadHours = (pace >= 6 ? 2 : pace >= 2 ? 24 : 120) * (0.5 + random.next());
    rows.push({
      ...base,
      eventId: `${name}-change-${i}`,
      kind: "change",
      occurredAt: new Date(at.getTime() - HOUR),
      subject: `${name}#${1000 + i}`,
      committedAt: new Date(at.getTime() - leadHours * HOUR),
    });
    const failed = random.chance(failRate);
    rows.push({ ...base, eventId: `${name}-deploy-${i}`, kind: "deployment", occurredAt: at, outcome: failed && random.chance(0.5) ? "failure" : "success" });
    if (failed) {
      const detected = new Date(at.getTime() + HOUR * (0.2 + random.next()));
      const recovery = (pace >= 6 ? 0.5 : pace >= 2 ? 6 : 30) * (0.5 + random.next());
      rows.push({ ...base, eventId: `${name}-incident-${i}-detected`, kind: "incident_detected", occurredAt: detected, subject: `INC-${name}-${i}` });
      rows.push({
        ...base,
        eventId: `${name}-incident-${i}-resolved`,
        kind: "incident_resolved",
        occurredAt: new Date(detected.getTime() + recovery * HOUR),
        subject: `INC-${name}-${i}`,
      });
    }
  }
  return rows.filter((r) => r.occurredAt.getTime() < now.getTime());
}

const serviceName = (team: string) =>
  `${team
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}-api`;

/** One service per demo team, mapped to it, with its events. */
export async function insertDemoDelivery(tx: Tx, organisationId: string, teamRows: readonly { id: string; name: string }[], now: Date): Promise<number> {
  const services = teamRows.map((team, i) => ({
    id: randomUUID(),
    organisationId,
    name: serviceName(team.name),
    teamId: team.id,
    pace: PACES[i % PACES.length]!,
  }));
  if (services.length === 0) return 0;
  const events = services.flatMap((s, i) => demoServiceEvents(organisationId, s.id, s.name, s.pace, 7919 * (i + 1), now));
  await tx.insert(deliveryServices).values(
    services.map(({ pace: _, ...s }) => ({
      ...s,
      firstSeenAt: new Date(now.getTime() - DAYS * DAY),
      lastSeenAt: now,
    })),
  );
  for (let i = 0; i < events.length; i += BATCH) await tx.insert(deliveryEvents).values(events.slice(i, i + BATCH).map((e) => ({ ...e, receivedAt: now })));
  return events.length;
}
