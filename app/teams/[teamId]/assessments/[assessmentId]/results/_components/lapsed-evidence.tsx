import { card } from "@/components/ui/styles";
import { formatScore } from "@/lib/format";
import type { LapseMoves } from "@/lib/evidence/lapses";
import type { ScoreDigits } from "@/lib/model/scoring-rules";

/**
 * What moved since the assessment was submitted: evidence behind its answers lapsed and, as the
 * organisation chose, those answers now count lower — each area that moved, and why.
 */
export function LapsedEvidence({ lapsed, digits }: { lapsed: LapseMoves; digits: ScoreDigits }) {
  const { from, to } = lapsed.waterLevel;
  const fell = from !== null && to !== null && to < from;
  return (
    <section id="what-moved-since-submission" className={`${card} print-unboxed space-y-2 border-red-300`} aria-labelledby="lapsed-heading">
      <h2 id="lapsed-heading" className="text-lg font-semibold">
        What moved since it was submitted
      </h2>
      <p data-testid="lapsed-headline">
        {fell ? (
          <>
            Water level {formatScore(from, digits)} → <strong>{formatScore(to, digits)}</strong>: evidence behind its answers expired, and the organisation
            counts stale evidence lower.
          </>
        ) : (
          <>Evidence behind its answers expired, and the organisation counts stale evidence lower; the water level stays at {formatScore(to, digits)}.</>
        )}
      </p>
      <ul className="list-disc space-y-1 pl-5" data-testid="lapsed-areas">
        {lapsed.areas.map((a) => (
          <li key={a.areaId}>{a.sentence}</li>
        ))}
      </ul>
      <p className="text-sm text-stone-600">Renewed evidence counts again in the team’s next assessment, which starts from these answers and their evidence.</p>
    </section>
  );
}
