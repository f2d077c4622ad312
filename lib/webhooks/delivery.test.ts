import { describe, expect, it } from "vitest";
import { afterAttempt, WEBHOOK_RETRY_DELAYS_MS } from "./delivery";

const now = new Date("2026-12-07T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("after a webhook attempt", () => {
  it("is delivered on any 2xx answer", () => {
    expect(afterAttempt({ status: 204 }, 1, now)).toEqual({ state: "delivered", nextAttemptAt: null });
  });

  it("tries again later and later after a 500, a timeout or a redirect, then gives up", () => {
    expect(afterAttempt({ status: 500 }, 1, now)).toEqual({ state: "retrying", nextAttemptAt: later(60_000) });
    expect(afterAttempt({ error: "No answer within 10 s." }, 2, now)).toEqual({ state: "retrying", nextAttemptAt: later(5 * 60_000) });
    expect(afterAttempt({ status: 302 }, 5, now)).toEqual({ state: "retrying", nextAttemptAt: later(8 * 3_600_000) });
    expect(afterAttempt({ status: 500 }, WEBHOOK_RETRY_DELAYS_MS.length + 1, now)).toEqual({ state: "failed", nextAttemptAt: null });
  });

  it("stops at once when the endpoint says it is gone (410)", () => {
    expect(afterAttempt({ status: 410 }, 1, now)).toEqual({ state: "failed", nextAttemptAt: null });
  });
});
