import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "@/e2e/smtp-sink";
import { env } from "@/lib/env";
import { createMailer } from "@/server/mail";
import { openDb, type DbHandle } from "../client";
import { drivers, useTestDatabase } from "../test-db";
import { runDueJobs } from "./jobs";
import { listOutbox } from "./mail";
import { syncModelVersions } from "./model-versions";
import { sweepAssessmentReminders } from "./reminder-sweep";
import { links, reminderModel, teamWithPeople } from "./reminder-test-team";

// Instances sweep on their own, each through its own pool: on PostgreSQL they really run at once.
const { DATABASE_URL } = env();
const SINK_PORT = 4176;

describe.skipIf(!DATABASE_URL)("reminders from three instances at once on PostgreSQL", () => {
  const t = useTestDatabase(drivers[0]![1], async (handle) => {
    await syncModelVersions(handle.db, [reminderModel]);
  });
  let instances: DbHandle[] = [];
  let sink: SmtpSink;
  beforeAll(async () => {
    instances = await Promise.all([1, 2, 3].map(() => openDb({ databaseUrl: DATABASE_URL!, poolSize: 2 })));
    sink = await startSmtpSink(SINK_PORT);
  });
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.close()));
    await sink?.close();
  });

  it("two sweeps at once queue one mail per person", async () => {
    const { org, owner } = await teamWithPeople(t, ["Ada", "Bo"]);
    const at = new Date("2026-08-26T12:00:00Z");
    const told = await Promise.all(instances.slice(0, 2).map((i) => sweepAssessmentReminders(i.db, links, at, { organisationId: org })));
    expect(told.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await listOutbox(owner)).toHaveLength(2);
  });

  it("three instances sweeping and sending at once deliver a due reminder once to each person", async () => {
    const { org, people } = await teamWithPeople(t, ["Ada", "Bo", "Cy"]);
    const at = new Date("2026-09-02T12:00:00Z");
    await Promise.all(instances.map((i) => sweepAssessmentReminders(i.db, links, at, { organisationId: org })));
    const mailer = createMailer({ smtpUrl: sink.url, from: "Stave <stave@test.example>" });
    const handlers = { mail: mailer.send, webhook: async () => null };
    await Promise.all(instances.map((i) => runDueJobs(i.db, handlers, { organisationId: org })));
    const received = sink.received.filter((m) => people.some((p) => m.to.includes(`${p}@test.example`)));
    expect(received.map((m) => m.to[0]).toSorted()).toEqual(people.map((p) => `${p}@test.example`).toSorted());
    expect(received.every((m) => m.subject === "Payments: assessment overdue")).toBe(true);
    expect(received[0]!.body).toContain("To stop these messages: https://stave.example/unsubscribe/");
  });
});
