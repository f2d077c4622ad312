import { countedLevel } from "@/lib/answer";
import type { ResultsAnswer } from "@/lib/contracts/results";
import { card } from "@/components/ui/styles";
import { formatDate } from "@/lib/format";
import { isOpen, type ImprovementAction } from "@/lib/improvement-actions";
import type { Model } from "@/lib/model/schema";
import type { AssessmentScore } from "@/lib/scoring";
import { actionForStep, nextStepOf } from "@/lib/step-action";
import { answerLabel } from "@/lib/model/lookup";
import { StepAction } from "./step-action";

type Props = {
  assessmentId: string;
  model: Model;
  score: AssessmentScore;
  answers: readonly ResultsAnswer[];
  /** The team's actions, every cycle's: a step already among this assessment's says so, and an open one aimed at its question is named. */
  actions: readonly ImprovementAction[];
  /** Whether the viewer may turn a step into an action (those who may change the plan). */
  canAdd: boolean;
};

/** Next-level guidance for the weakest stave, lowest answers first; each step can become an action. */
export function NextSteps({ assessmentId, model, score, answers, actions, canAdd }: Props) {
  const area = model.areas.find((a) => a.id === score.weakest[0]);
  if (!area) return null;
  const byQuestion = new Map(answers.map((a) => [a.questionId, a.value]));
  const lowest = model.scale[0]!.value;
  const here = actions.filter((a) => a.assessmentId === assessmentId);
  // This plan's open actions first, then earlier cycles' still open.
  const open = [...here, ...actions.filter((a) => a.assessmentId !== assessmentId)].filter((a) => isOpen(a.status));
  const steps = area.questions
    .map((q) => {
      const value = byQuestion.get(q.id);
      return { q, value, level: value ? countedLevel(value, lowest) : null, step: nextStepOf(model, q.id, value) };
    })
    .flatMap(({ step, ...rest }) => (step ? [{ ...rest, step, added: actionForStep(here, step)?.id }] : []))
    .sort((a, b) => (a.level ?? 0) - (b.level ?? 0));

  return (
    <section id="next-steps" className={`${card} print-unboxed`} aria-labelledby="next-heading">
      <h2 id="next-heading" className="text-lg font-semibold">
        Raise the lowest stave: <span className="text-weak-700">{area.name}</span>
      </h2>
      <p className="mt-1 text-sm text-stone-700">
        The barrel holds more water only when this stave rises. Aim one or two levels up, starting with the lowest answers.
        {canAdd && steps.length > 0 && " Add a step as an action to plan it below."}
      </p>
      {steps.length === 0 ? (
        <p className="mt-3 text-sm">Every question in this area is at the top level or not applicable.</p>
      ) : (
        <ol className="mt-4 space-y-3 print:mt-2 print:space-y-2">
          {steps.map(({ q, value, step, added }) => {
            // An open action may aim at this question under another title: say so before a second is added.
            const aimed = added ? undefined : open.find((a) => a.questionId === q.id);
            return (
              <li
                key={q.id}
                className="rounded-md border border-stone-200 p-3 sm:flex sm:items-start sm:justify-between sm:gap-4 print:border-0 print:p-0"
                data-testid="next-step"
              >
                <div className="min-w-0 flex-1">
                  {/* On paper the question and where it stands share a line: a results print stays short. */}
                  <p className="font-semibold print:mr-2 print:inline">{q.title}</p>
                  <p className="text-sm text-stone-600 print:inline">
                    Now {answerLabel(model, value)} → next {step.level} · {step.levelLabel}
                  </p>
                  <p className="mt-1 text-sm text-stone-800 print:mt-0">{step.text}</p>
                  {aimed && (
                    <p className="mt-1 text-sm text-stone-700" data-testid="step-aimed">
                      {aimed.assessmentId === assessmentId ? (
                        <>
                          The plan has an action for this question:{" "}
                          <a href={`#action-${aimed.id}`} className="font-medium text-wood-700 underline">
                            {aimed.title}
                          </a>
                          .
                        </>
                      ) : (
                        <>
                          An action agreed on {formatDate(aimed.agreedOn)} still aims at this question: “{aimed.title}”.
                        </>
                      )}
                    </p>
                  )}
                </div>
                <StepAction assessmentId={assessmentId} questionId={q.id} questionTitle={q.title} added={added ? { id: added } : undefined} canAdd={canAdd} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
