import { ActionList } from "@/components/action-summary";
import { IntentLink } from "@/components/ui/intent-link";
import { card } from "@/components/ui/styles";
import { formatDate, formatScore } from "@/lib/format";
import type { Cycle } from "@/lib/improvement-cycle";
import { scoreDigits } from "@/lib/model/scoring-rules";
import type { Model } from "@/lib/model/schema";
import { targetText, type CycleVerdict } from "@/lib/target";

const headline: Record<CycleVerdict["state"], string> = {
  reached: "✓ Target reached",
  "reached-late": "✓ Target reached, after its date",
  "not-yet": "Target not reached yet",
  missed: "✕ Target not reached",
  unknown: "Target cannot be checked",
};

/**
 * What the previous assessment agreed, seen from this one: whether its target was reached here,
 * and its actions with their status now (open ones stay open; nothing was copied).
 */
export function LastCycle({
  cycle,
  teamId,
  model,
  verdict,
  now,
}: {
  cycle: Cycle;
  teamId: string;
  model: Model;
  verdict: CycleVerdict | undefined;
  now: Date;
}) {
  const { target } = cycle;
  const digits = scoreDigits(model);
  const good = verdict?.state === "reached" || verdict?.state === "reached-late";
  return (
    <section className={`${card} space-y-4 print-avoid-break`} aria-labelledby="last-cycle-heading" data-testid="last-cycle">
      <div>
        <h2 id="last-cycle-heading" className="text-lg font-semibold">
          Last cycle
        </h2>
        <p className="text-sm text-stone-600">
          Agreed on the{" "}
          <IntentLink className="font-medium text-wood-700 underline" href={`/teams/${teamId}/assessments/${cycle.assessmentId}/results#plan`}>
            assessment of {formatDate(cycle.submittedAt)}
          </IntentLink>
          .
        </p>
      </div>
      {target && verdict && (
        <div className={`rounded-md border-l-4 p-3 ${good ? "border-green-700 bg-green-50" : "border-amber-600 bg-amber-50"}`} data-testid="target-result">
          <p className="font-semibold">{headline[verdict.state]}</p>
          <p className="text-sm text-stone-800">
            {targetText(target, digits)}.{" "}
            {verdict.score === null
              ? `This assessment has no score for ${target.areaName}.`
              : `${target.areaName} is now ${formatScore(verdict.score, digits)}.`}
          </p>
        </div>
      )}
      {cycle.actions.length > 0 ? (
        <ActionList actions={cycle.actions} model={model} now={now} label="Last cycle's actions" />
      ) : (
        <p className="text-sm text-stone-700">No actions were agreed last cycle.</p>
      )}
    </section>
  );
}
