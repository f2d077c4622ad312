import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { looksLikeCdEvents, readCdEvents } from "./cdevents";
import { readGitHubDelivery } from "./github";
import { readPagerDutyDelivery } from "./pagerduty";
import { checkTimes } from "./parsed";
import { githubSignatureMatches, pagerDutySignatureMatches } from "./signatures";
import { readStaveEvents } from "./stave-events";

const NOW = new Date("2026-06-01T12:00:00Z");
const status = (state: string, environment = "production", production?: boolean) => ({
  deployment_status: { id: 9, state, created_at: "2026-05-30T10:00:00Z" },
  deployment: { environment, ...(production === undefined ? {} : { production_environment: production }) },
  repository: { full_name: "acme/shop" },
});

describe("Stave's own format", () => {
  it("reads each type with its defaults", () => {
    const read = readStaveEvents({
      events: [
        { id: "1", type: "deployment", service: " api ", time: "2026-05-30T10:00:00+02:00" },
        { id: "2", type: "change", service: "api", time: "2026-05-30T09:00:00Z", change: "pr-1" },
        { id: "3", type: "incident.resolved", service: "api", time: "2026-05-30T11:00:00Z", incident: "INC-1" },
      ],
    });
    expect(read.ok && read.events.map((e) => e.event)).toEqual([
      { source: "stave", eventId: "1", service: "api", at: new Date("2026-05-30T08:00:00Z"), kind: "deployment", outcome: "success", rework: false },
      { source: "stave", eventId: "2", service: "api", at: new Date("2026-05-30T09:00:00Z"), kind: "change", subject: "pr-1", committedAt: null },
      { source: "stave", eventId: "3", service: "api", at: new Date("2026-05-30T11:00:00Z"), kind: "incident_resolved", subject: "INC-1" },
    ]);
  });

  it("refuses a time without a time zone, and points at it", () => {
    const read = readStaveEvents({ events: [{ id: "1", type: "deployment", service: "api", time: "2026-05-30 10:00" }] });
    expect(read).toMatchObject({ ok: false, fieldErrors: { "events.0.time": [expect.stringMatching(/time zone/)] } });
  });

  it("refuses implausible times, a commit time too, and passes plausible ones", () => {
    const read = readStaveEvents({
      events: [{ id: "1", type: "change", service: "api", time: "2026-05-30T10:00:00Z", change: "c", committedAt: "1970-01-01T00:00:00Z" }],
    });
    expect(checkTimes(read, NOW)).toMatchObject({ ok: false, fieldErrors: { "events.0.committedAt": [expect.stringMatching(/five years ago/)] } });
    const fine = readStaveEvents({ events: [{ id: "1", type: "deployment", service: "api", time: "2026-06-01T18:00:00Z" }] });
    expect(checkTimes(fine, NOW).ok).toBe(true);
  });
});

describe("CDEvents", () => {
  it("knows a CDEvents body from Stave's own", () => {
    expect(looksLikeCdEvents({ events: [] })).toBe(false);
    expect(looksLikeCdEvents({ context: {}, subject: {} })).toBe(true);
    expect(looksLikeCdEvents([{ specversion: "1.0", data: { context: {}, subject: {} } }])).toBe(true);
  });

  it("refuses an incident that names no service, pointing into the body", () => {
    const read = readCdEvents([
      {
        context: { id: "1", source: "/m", type: "dev.cdevents.incident.detected.0.2.0", timestamp: "2026-05-30T10:00:00Z" },
        subject: { id: "I", content: {} },
      },
    ]);
    expect(read).toMatchObject({ ok: false, fieldErrors: { "0.subject.content.service": ["Name the service."] } });
  });
});

describe("CDEvents deployments", () => {
  it("counts deployments to production or to an unnamed environment, and leaves out the others with why", () => {
    const deployed = (id: string, environment?: string) => ({
      context: { id, source: "/ci", type: "dev.cdevents.service.deployed.0.2.0", timestamp: "2026-05-30T10:00:00Z" },
      subject: { id: "checkout", content: environment === undefined ? {} : { environment: { id: environment } } },
    });
    const read = readCdEvents([deployed("1", "prod-eu-1"), deployed("2"), deployed("3", "staging"), deployed("4", "preprod")]);
    expect(read.ok && read.events.map((e) => e.event.eventId)).toEqual(["/ci#1", "/ci#2"]);
    expect(read.ok && read.ignored).toEqual([
      "dev.cdevents.service.deployed.0.2.0 (3): the environment “staging” is not production.",
      "dev.cdevents.service.deployed.0.2.0 (4): the environment “preprod” is not production.",
    ]);
  });
});

describe("GitHub deployment statuses", () => {
  it("reads success as a deployment and failure or error as a failed one; leaves out other states and environments", () => {
    expect(readGitHubDelivery("deployment_status", status("success"))).toMatchObject({ ok: true, events: [{ event: { outcome: "success", eventId: "9" } }] });
    expect(readGitHubDelivery("deployment_status", status("error"))).toMatchObject({ ok: true, events: [{ event: { outcome: "failure" } }] });
    expect(readGitHubDelivery("deployment_status", status("in_progress"))).toMatchObject({
      ok: true,
      events: [],
      ignored: [expect.stringMatching(/in_progress/)],
    });
    expect(readGitHubDelivery("deployment_status", status("success", "staging"))).toMatchObject({ events: [], ignored: [expect.stringMatching(/staging/)] });
    expect(readGitHubDelivery("deployment_status", status("success", "live", true))).toMatchObject({ events: [{}] });
    expect(readGitHubDelivery("push", {})).toMatchObject({ ok: false, error: expect.stringMatching(/“push”/) });
  });
});

describe("PagerDuty incidents", () => {
  it("reads triggered and resolved incidents by their service's name", () => {
    const body = (type: string) => ({
      event: { id: "E", event_type: type, occurred_at: "2026-05-30T10:00:00Z", data: { id: "Q1", service: { id: "P", summary: "Shop" } } },
    });
    expect(readPagerDutyDelivery(body("incident.triggered"))).toMatchObject({
      events: [{ event: { kind: "incident_detected", service: "Shop", subject: "Q1" } }],
    });
    expect(readPagerDutyDelivery(body("incident.resolved"))).toMatchObject({ events: [{ event: { kind: "incident_resolved" } }] });
    expect(readPagerDutyDelivery(body("incident.acknowledged"))).toMatchObject({ events: [], ignored: [expect.any(String)] });
  });
});

describe("signatures", () => {
  const body = new TextEncoder().encode('{"a":1}');
  const hex = (secret: string) => createHmac("sha256", secret).update('{"a":1}').digest("hex");

  it("checks GitHub's sha256= signature of the raw body", () => {
    expect(githubSignatureMatches(body, `sha256=${hex("s3cret")}`, "s3cret")).toBe(true);
    expect(githubSignatureMatches(body, `sha256=${hex("other")}`, "s3cret")).toBe(false);
    expect(githubSignatureMatches(body, hex("s3cret"), "s3cret")).toBe(false);
    expect(githubSignatureMatches(body, null, "s3cret")).toBe(false);
    expect(githubSignatureMatches(body, "sha256=abc", "s3cret")).toBe(false);
  });

  it("checks PagerDuty's v1= signatures, any of several", () => {
    expect(pagerDutySignatureMatches(body, `v1=${hex("old")}, v1=${hex("new")}`, "new")).toBe(true);
    expect(pagerDutySignatureMatches(body, `v1=${hex("old")}`, "new")).toBe(false);
    expect(pagerDutySignatureMatches(body, `v0=${hex("new")}`, "new")).toBe(false);
  });
});
