import { describe, expect, it } from "vitest";
import { afterFailure, JOB_MAX_ATTEMPTS } from "./jobs";

const now = new Date("2026-12-07T10:00:00Z");
const minutesLater = (result: ReturnType<typeof afterFailure>) => (result.state === "queued" ? (result.runAt.getTime() - now.getTime()) / 60_000 : null);

describe("afterFailure", () => {
  it("waits 1, 5, 30 minutes and 2 hours after the first four failures", () => {
    expect([1, 2, 3, 4].map((attempts) => minutesLater(afterFailure(attempts, now)))).toEqual([1, 5, 30, 120]);
  });

  it("gives up after the fifth failed attempt", () => {
    expect(JOB_MAX_ATTEMPTS).toBe(5);
    expect(afterFailure(5, now)).toEqual({ state: "failed" });
    expect(afterFailure(6, now)).toEqual({ state: "failed" });
  });

  it("never retries a permanent failure", () => {
    expect(afterFailure(1, now, true)).toEqual({ state: "failed" });
  });

  it("treats a count below one as the first attempt", () => {
    expect(minutesLater(afterFailure(0, now))).toBe(1);
  });
});
