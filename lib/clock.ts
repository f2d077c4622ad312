import { env } from "./env";

// The one clock for what depends on today's date (whether evidence is stale). A test server may run
// it ahead (STAVE_TEST_CLOCK=1 with STAVE_CLOCK_OFFSET_DAYS), so a journey sees evidence lapse
// without waiting for it; without the flag the offset is refused at start-up (lib/env.ts).

const DAY_MS = 86_400_000;

/** Now, as far as Stave is concerned. */
export function now(): Date {
  const { STAVE_TEST_CLOCK, STAVE_CLOCK_OFFSET_DAYS } = env();
  return new Date(Date.now() + (STAVE_TEST_CLOCK ? STAVE_CLOCK_OFFSET_DAYS * DAY_MS : 0));
}
