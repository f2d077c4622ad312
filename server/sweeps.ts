import "server-only";
import type { Db } from "@/db/client";
import { sweepEvidenceLapses } from "@/db/queries/evidence-lapses";
import { sweepActionReminders } from "@/db/queries/reminder-actions";
import { sweepAssessmentReminders } from "@/db/queries/reminder-sweep";
import { sweepTargetReminders } from "@/db/queries/reminder-targets";
import { pruneFinishedWork } from "@/db/queries/prune";
import { sweepWebhookEvents } from "@/db/queries/webhook-sweep";
import { sweepWeakestDigest } from "@/db/queries/weakest-digest";
import { reminderLinks } from "./reminder-links";

/** How often each instance looks for what the calendar brought (an assessment due or overdue, a target date passed) and what moved (the most common weakest stave). */
const SWEEP_EVERY_MS = 60 * 60_000;

const failed = (what: string) => (error: unknown) =>
  console.error(`The hourly sweep of ${what} failed: ${error instanceof Error ? error.message : String(error)}`);

/**
 * Sweeps at start and then every hour: webhook events, finished work past its keeping, evidence
 * lapsed since (where it lowers scores), reminder mail and the leadership digest. Instances sweep on their own: each event or reminder is told
 * once whichever of them finds it first (its key), so a second instance adds nothing but a few reads.
 */
export function startSweeps(db: Db, everyMs = SWEEP_EVERY_MS): { stop: () => void } {
  const sweep = async () => {
    await sweepWebhookEvents(db).catch(failed("webhook events"));
    await pruneFinishedWork(db).catch(failed("finished jobs and deliveries"));
    await sweepEvidenceLapses(db).catch(failed("lapsed evidence"));
    const links = await reminderLinks().catch(failed("reminders"));
    if (!links) return;
    await sweepAssessmentReminders(db, links).catch(failed("assessment reminders"));
    await sweepTargetReminders(db, links).catch(failed("target reminders"));
    await sweepActionReminders(db, links).catch(failed("improvement action reminders"));
    await sweepWeakestDigest(db, links).catch(failed("the leadership digest"));
  };
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
