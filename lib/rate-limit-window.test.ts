import { describe, expect, it } from "vitest";
import { rateLimitDecision } from "./rate-limit-window";

describe("rateLimitDecision", () => {
  it("allows up to the limit and counts down what is left", () => {
    expect(rateLimitDecision({ count: 1, elapsedSeconds: 0, limit: 3, windowSeconds: 60 })).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 60 });
    expect(rateLimitDecision({ count: 3, elapsedSeconds: 10, limit: 3, windowSeconds: 60 })).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 50 });
  });

  it("refuses the request after the limit, saying how long until the window ends", () => {
    expect(rateLimitDecision({ count: 4, elapsedSeconds: 45, limit: 3, windowSeconds: 60 })).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 15 });
    expect(rateLimitDecision({ count: 601, elapsedSeconds: 0.2, limit: 600, windowSeconds: 60 }).allowed).toBe(false);
  });

  it("rounds the wait up, so a client that waits as told never arrives early", () => {
    expect(rateLimitDecision({ count: 5, elapsedSeconds: 58.2, limit: 3, windowSeconds: 60 }).retryAfterSeconds).toBe(2);
    expect(rateLimitDecision({ count: 5, elapsedSeconds: 0.001, limit: 3, windowSeconds: 1 }).retryAfterSeconds).toBe(1);
  });

  it("never tells a client to wait less than a second or longer than a window", () => {
    expect(rateLimitDecision({ count: 5, elapsedSeconds: 60, limit: 3, windowSeconds: 60 }).retryAfterSeconds).toBe(1);
    expect(rateLimitDecision({ count: 5, elapsedSeconds: 75, limit: 3, windowSeconds: 60 }).retryAfterSeconds).toBe(1);
    // Clocks of two instances can disagree by a little: a window that seems to start in the future is a whole window.
    expect(rateLimitDecision({ count: 5, elapsedSeconds: -2, limit: 3, windowSeconds: 60 }).retryAfterSeconds).toBe(60);
  });
});
