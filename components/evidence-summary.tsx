import { evidenceStateText } from "@/lib/evidence/expiry";
import { evidenceLink } from "@/lib/evidence/items";
import type { EvidenceAt } from "@/lib/evidence/stored";
import { validityText } from "@/lib/evidence/validity";
import { formatDate } from "@/lib/format";

/** "Stale since 2 Mar 2026" in red, "Valid until …" in green (amber within 30 days): said in words, not by colour alone. */
export function EvidenceState({ evidence }: { evidence: EvidenceAt }) {
  const { state } = evidence.state;
  const tone = state === "stale" ? "bg-red-100 text-red-900" : state === "expiring" ? "bg-amber-100 text-amber-900" : "bg-green-100 text-green-900";
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-semibold ${tone}`} data-testid="evidence-state">
      {evidenceStateText(evidence.state)}
    </span>
  );
}

/** An answer's evidence: its items (links open as links), when it took effect, how long it holds and whether it still does. */
export function EvidenceSummary({ evidence, withState = true }: { evidence: EvidenceAt; withState?: boolean }) {
  return (
    <div className="mt-1 space-y-1">
      <ul className="list-disc space-y-0.5 pl-5">
        {evidence.items.map((item, i) => {
          const href = evidenceLink(item);
          return (
            <li key={i} className="[overflow-wrap:anywhere]">
              {href ? (
                <a href={href} className="text-wood-700 underline" rel="noopener noreferrer nofollow" target="_blank">
                  {item}
                </a>
              ) : (
                item
              )}
            </li>
          );
        })}
      </ul>
      <p className="text-stone-700">
        Effective {formatDate(evidence.effectiveOn)}, holds {validityText(evidence.validFor)}.
        {withState && (
          <>
            {" "}
            <EvidenceState evidence={evidence} />
          </>
        )}
      </p>
    </div>
  );
}

/** An answer's evidence in the results: its state first, the items on demand (a results table stays short). */
export function AnswerEvidence({ evidence }: { evidence: EvidenceAt }) {
  return (
    <details className="mt-1 font-normal print:whitespace-normal">
      <summary className="cursor-pointer py-0.5 text-xs">
        <span className="sr-only">Evidence: </span>
        <EvidenceState evidence={evidence} />
      </summary>
      <EvidenceSummary evidence={evidence} withState={false} />
    </details>
  );
}
