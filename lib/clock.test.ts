import { afterEach, describe, expect, it, vi } from "vitest";

// The environment is read once per process: each case loads the clock afresh.
async function clockWith(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return import("./clock");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("now", () => {
  it("is the real time on an ordinary server", async () => {
    const { now } = await clockWith({ STAVE_TEST_CLOCK: undefined, STAVE_CLOCK_OFFSET_DAYS: undefined });
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it("runs ahead by the offset on a test server", async () => {
    const { now } = await clockWith({ STAVE_TEST_CLOCK: "1", STAVE_CLOCK_OFFSET_DAYS: "400" });
    expect(Math.round((now().getTime() - Date.now()) / 86_400_000)).toBe(400);
  });

  it("refuses an offset without the test flag", async () => {
    const { now } = await clockWith({ STAVE_TEST_CLOCK: undefined, STAVE_CLOCK_OFFSET_DAYS: "400" });
    expect(() => now()).toThrow(/STAVE_CLOCK_OFFSET_DAYS moves the clock of a test server only/);
  });
});
