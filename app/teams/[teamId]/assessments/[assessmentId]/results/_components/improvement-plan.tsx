import { scoreDigits, targetLevels } from "@/lib/model/scoring-rules";
import { ActionSummary } from "@/components/action-summary";
import { card } from "@/components/ui/styles";
import { aimKey, aimLabel, type ImprovementAction } from "@/lib/improvement-actions";
import type { Model } from "@/lib/model/schema";
import { outcomeText, targetText, type Target, type TargetAdvice, type TargetOutcome } from "@/lib/target";
import { ActionForm, type AimChoice } from "./action-form";
import { MoveAction } from "./move-action";
import { TargetForm } from "./target-form";

type Props = {
  assessmentId: string;
  model: Model;
  weakest: { areaId: string; name: string } | undefined;
  target: Target | undefined;
  outcome: TargetOutcome | undefined;
  advice: TargetAdvice;
  defaultDueOn: string;
  actions: ImprovementAction[];
  /** Set for those who may change the plan: the people an action may be given to, and whether this is the newest assessment (the only one a target is set on). */
  editing: { members: { userId: string; name: string }[]; newest: boolean } | undefined;
  now: Date;
};

/** The target for the weakest stave and the actions agreed to reach it; forms for the team's lead. */
export function ImprovementPlan({ assessmentId, model, weakest, target, outcome, advice, defaultDueOn, actions, editing, now }: Props) {
  const aims: AimChoice[] = model.areas.map((a) => ({ areaId: a.id, areaName: a.name, questions: a.questions.map((q) => ({ id: q.id, title: q.title })) }));
  const defaultAim = aimKey({ areaId: target?.areaId ?? weakest?.areaId ?? model.areas[0]!.id, questionId: null });
  return (
    <section id="plan" className={`${card} print-unboxed space-y-5 print:space-y-3`} aria-labelledby="plan-heading">
      <div>
        <h2 id="plan-heading" className="text-lg font-semibold">
          Target and actions
        </h2>
        <p className="text-sm text-stone-600">Agree how far to raise the weakest stave by the next assessment, and what the team will do about it.</p>
      </div>

      <div className="space-y-2" data-testid="target">
        <h3 className="font-semibold">Target</h3>
        {target ? (
          <p className="text-stone-800">
            <span className="font-medium">{targetText(target, scoreDigits(model))}.</span> {outcome && outcomeText(outcome, scoreDigits(model))}
          </p>
        ) : (
          <p className="text-stone-700">{editing?.newest ? "No target yet." : "No target was set on this assessment."}</p>
        )}
        {editing?.newest && weakest && advice.suggested !== undefined && (
          <TargetForm
            assessmentId={assessmentId}
            areaName={weakest.name}
            levels={advice.levels.map((value) => ({
              value,
              label: targetLevels(model).labels[value] ?? "",
              advised: advice.advised.includes(value),
            }))}
            level={target?.level ?? advice.suggested}
            dueOn={target?.dueOn ?? defaultDueOn}
            reason={advice.reason}
            replacing={target !== undefined}
          />
        )}
        {editing?.newest && advice.suggested === undefined && <p className="text-sm text-stone-700">{advice.reason}</p>}
        {editing && !editing.newest && <p className="text-sm text-stone-600 no-print">Targets are set on the team&apos;s newest assessment.</p>}
      </div>

      <div className="space-y-3" id="actions">
        <h3 className="font-semibold">Improvement actions</h3>
        {actions.length === 0 ? (
          <p className="text-stone-700">
            {editing ? "No actions yet." : "No actions were agreed on this assessment."}
            {editing && <span className="no-print"> Add a next step above as one, or write your own below.</span>}
          </p>
        ) : (
          // On paper each action is a box of its own, whole on its page: a list's box would be cut open at the page foot.
          <ol
            className="divide-y divide-stone-200 rounded-lg border border-stone-200 print:space-y-2 print:divide-y-0 print:border-0"
            aria-label="Improvement actions"
          >
            {actions.map((action, i) => (
              <li
                key={action.id}
                id={`action-${action.id}`}
                className="scroll-mt-4 space-y-2 p-3 target:bg-wood-50 print:rounded-lg print:border print:border-stone-200"
                data-testid="action"
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <ActionSummary action={action} aim={aimLabel(model, action)} now={now} />
                  {editing && <MoveAction actionId={action.id} title={action.title} first={i === 0} last={i === actions.length - 1} />}
                </div>
                {editing && (
                  <details className="no-print">
                    <summary className="cursor-pointer text-sm font-medium text-wood-700">
                      Edit<span className="sr-only"> “{action.title}”</span>
                    </summary>
                    <div className="mt-3">
                      <ActionForm assessmentId={assessmentId} action={action} members={editing.members} aims={aims} defaultAim={defaultAim} />
                    </div>
                  </details>
                )}
              </li>
            ))}
          </ol>
        )}
        {editing && (
          <details className="rounded-lg border border-dashed border-stone-300 p-3 no-print" open={actions.length === 0}>
            <summary className="cursor-pointer font-medium text-wood-700">Add an action</summary>
            <div className="mt-3">
              <ActionForm assessmentId={assessmentId} members={editing.members} aims={aims} defaultAim={defaultAim} />
            </div>
          </details>
        )}
      </div>
    </section>
  );
}
