import { ActionList } from "@/components/action-summary";
import { formatDate } from "@/lib/format";
import type { ImprovementAction } from "@/lib/improvement-actions";
import type { Cycle } from "@/lib/improvement-cycle";
import { scoreDigits } from "@/lib/model/scoring-rules";
import type { Model } from "@/lib/model/schema";
import { targetText } from "@/lib/target";

/**
 * At the top of the next questionnaire: the target the last cycle set and every action still open,
 * so the team answers with them in mind. Collapsible; open at first.
 */
export function CarriedForward({
  cycle,
  open,
  model,
  now,
}: {
  cycle: Cycle | undefined;
  open: ImprovementAction[];
  model: Pick<Model, "areas" | "scoring">;
  now: Date;
}) {
  if (!cycle?.target && open.length === 0) return null;
  return (
    <details open className="rounded-lg border border-water-300 bg-white p-4 shadow-sm" data-testid="carried-forward">
      <summary className="cursor-pointer font-semibold text-water-700">Last cycle&apos;s target and open actions</summary>
      <div className="mt-3 space-y-3">
        {cycle?.target && (
          <p className="text-stone-800">
            <span className="font-medium">Target set {formatDate(cycle.target.setOn)}:</span> {targetText(cycle.target, scoreDigits(model))}.
          </p>
        )}
        {open.length > 0 ? (
          <ActionList actions={open} model={model} now={now} label="Open actions" />
        ) : (
          <p className="text-sm text-stone-700">Every action is done or dropped.</p>
        )}
      </div>
    </details>
  );
}
