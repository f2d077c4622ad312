import { describe, expect, it } from "vitest";
import { NOT_SENT_NO_SMTP } from "./message";
import { outboxStatus } from "./outbox";

const runAt = "2026-12-07T10:05:00Z";

describe("outboxStatus", () => {
  it("says a mail went out, or that it was kept because no SMTP server is configured", () => {
    expect(outboxStatus({ state: "done", attempts: 1, outcome: "Sent (250 OK)", runAt })).toEqual({ label: "Sent", tone: "done" });
    expect(outboxStatus({ state: "done", attempts: 1, outcome: NOT_SENT_NO_SMTP, runAt })).toEqual({ label: NOT_SENT_NO_SMTP, tone: "problem" });
  });

  it("says when a failed mail is tried again, and when it was given up", () => {
    expect(outboxStatus({ state: "queued", attempts: 2, outcome: null, runAt }).label).toBe("Will try again 7 Dec 2026, 10:05 UTC");
    expect(outboxStatus({ state: "failed", attempts: 5, outcome: null, runAt })).toEqual({ label: "Failed after 5 attempts", tone: "problem" });
    expect(outboxStatus({ state: "failed", attempts: 1, outcome: null, runAt }).label).toBe("Failed after 1 attempt");
  });

  it("says a mail not tried yet is waiting, and one being tried is sending", () => {
    expect(outboxStatus({ state: "queued", attempts: 0, outcome: null, runAt })).toEqual({ label: "Waiting to be sent", tone: "waiting" });
    expect(outboxStatus({ state: "running", attempts: 1, outcome: null, runAt })).toEqual({ label: "Sending", tone: "waiting" });
  });
});
