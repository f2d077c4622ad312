import type { JobState } from "../jobs";
import { formatDateTime } from "../format";
import { NOT_SENT_NO_SMTP } from "./message";

export type OutboxTone = "done" | "waiting" | "problem";

/** What became of a queued mail, said for the outbox: sent, kept unsent, waiting, retrying (when), or given up. */
export function outboxStatus(mail: { state: JobState; attempts: number; outcome: string | null; runAt: Date | string }): { label: string; tone: OutboxTone } {
  switch (mail.state) {
    case "done":
      return mail.outcome === NOT_SENT_NO_SMTP ? { label: NOT_SENT_NO_SMTP, tone: "problem" } : { label: "Sent", tone: "done" };
    case "failed":
      return { label: `Failed after ${mail.attempts} attempt${mail.attempts === 1 ? "" : "s"}`, tone: "problem" };
    case "running":
      return { label: "Sending", tone: "waiting" };
    case "queued":
      return mail.attempts === 0
        ? { label: "Waiting to be sent", tone: "waiting" }
        : { label: `Will try again ${formatDateTime(mail.runAt)}`, tone: "problem" };
  }
}
