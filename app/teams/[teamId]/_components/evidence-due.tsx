import { EvidenceState } from "@/components/evidence-summary";
import { IntentLink } from "@/components/ui/intent-link";
import { button } from "@/components/ui/styles";
import { EXPIRING_SOON_DAYS } from "@/lib/evidence/expiry";
import type { EvidenceAt } from "@/lib/evidence/stored";

/** The latest result's evidence that is stale or lapses within 30 days: what the team should renew first. */
export function EvidenceDue({ evidence, resultsHref }: { evidence: readonly (EvidenceAt & { title: string })[]; resultsHref: string }) {
  if (evidence.length === 0) return null;
  const stale = evidence.filter((e) => e.state.state === "stale").length;
  const counts = [stale > 0 && `${stale} stale`, stale < evidence.length && `${evidence.length - stale} expiring within ${EXPIRING_SOON_DAYS} days`].filter(
    Boolean,
  );
  return (
    <section aria-labelledby="evidence-due-heading">
      <h2 id="evidence-due-heading" className="text-lg font-semibold">
        Evidence to renew <span className="text-sm font-normal text-stone-600">· {counts.join(", ")}</span>
      </h2>
      <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Evidence to renew">
        {evidence.map((e) => (
          <li key={e.questionId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3" data-testid="evidence-due">
            <span className="font-medium text-stone-900">{e.title}</span>
            <span className="flex flex-wrap items-center gap-2">
              <EvidenceState evidence={e} />
              <IntentLink className={button.quiet} href={`${resultsHref}#breakdown-heading`}>
                See it<span className="sr-only"> in the results: {e.title}</span>
              </IntentLink>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
