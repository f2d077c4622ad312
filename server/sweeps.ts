import "server-only";
import type { Db } from "@/db/client";
import { sweepWebhookEvents } from "@/db/queries/webhook-sweep";

/** How often each instance looks for what the calendar brought (an assessment overdue, a target date passed). */
const SWEEP_EVERY_MS = 60 * 60_000;

/**
 * Sweeps at start and then every hour. Instances sweep on their own: each event is told once
 * whichever of them finds it first (its key), so a second instance adds nothing but a few reads.
 */
export function startSweeps(db: Db, everyMs = SWEEP_EVERY_MS): { stop: () => void } {
  const sweep = () =>
    sweepWebhookEvents(db).catch((error) => console.error(`The hourly sweep failed: ${error instanceof Error ? error.message : String(error)}`));
  const first = setTimeout(sweep, 5_000);
  const timer = setInterval(sweep, everyMs);
  first.unref();
  timer.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
