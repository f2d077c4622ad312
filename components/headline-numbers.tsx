import { formatScore } from "@/lib/format";
import type { AssessmentScore } from "@/lib/scoring";
import type { ScoreDigits } from "@/lib/model/scoring-rules";

/** The three figures every result leads with. */
export function HeadlineNumbers({
  score,
  scaleMax,
  digits = 1,
}: {
  score: AssessmentScore;
  scaleMax: number;
  /** The decimals the model's scores are shown with. */ digits?: ScoreDigits;
}) {
  const weakestNames = score.weakest.map((id) => score.areas.find((a) => a.areaId === id)?.name ?? id);
  return (
    <dl className="grid gap-3 sm:grid-cols-3">
      <div className="rounded-lg border border-water-300 bg-water-300/15 p-4">
        <dt className="text-sm font-medium text-water-700">Water level</dt>
        <dd className="mt-1 text-3xl font-bold text-water-700" data-testid="water-level">
          {formatScore(score.waterLevel, digits)}
          <span className="text-base font-normal text-stone-600"> / {scaleMax}</span>
        </dd>
        <dd className="text-xs text-stone-600">The lowest area score: what the barrel can hold.</dd>
      </div>
      <div className="rounded-lg border border-weak-500/40 bg-weak-500/5 p-4">
        <dt className="text-sm font-medium text-weak-700">Weakest stave</dt>
        <dd className="mt-1 text-2xl font-bold text-weak-700" data-testid="weakest-stave">
          {weakestNames.length > 0 ? weakestNames.join(", ") : "–"}
        </dd>
        <dd className="text-xs text-stone-600">{weakestNames.length > 1 ? "Tied: start with the first." : "Where the water runs out: improve this first."}</dd>
      </div>
      <div className="rounded-lg border border-stone-300 bg-white p-4">
        <dt className="text-sm font-medium text-stone-700">Spill</dt>
        <dd className="mt-1 text-3xl font-bold text-stone-800" data-testid="spill">
          {formatScore(score.spill, digits)}
        </dd>
        <dd className="text-xs text-stone-600">Average area score above the water level: effort that holds no water.</dd>
      </div>
    </dl>
  );
}
