import type { OutboxTone } from "@/lib/mail/outbox";

const tones: Record<OutboxTone, string> = {
  done: "bg-green-100 text-green-900",
  waiting: "bg-stone-100 text-stone-800",
  problem: "bg-amber-100 text-amber-900",
};

/** A mail's state as a labelled badge; the words carry it, the colour only repeats them. */
export function MailStatus({ status }: { status: { label: string; tone: OutboxTone } }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${tones[status.tone]}`}>{status.label}</span>;
}
