import { countedLevel, type StoredAnswer } from "@/lib/answer";
import { nextStepFor } from "@/lib/model/lookup";
import { card } from "@/components/ui/styles";
import type { Model } from "@/lib/model/schema";
import type { AssessmentScore } from "@/lib/scoring";
import { answerLabel } from "./answer-label";

/** Next-level guidance for the weakest stave, lowest answers first. */
export function NextSteps({ model, score, answers }: { model: Model; score: AssessmentScore; answers: StoredAnswer[] }) {
  const area = model.areas.find((a) => a.id === score.weakest[0]);
  if (!area) return null;
  const byQuestion = new Map(answers.map((a) => [a.questionId, a.value]));
  const lowest = model.scale[0]!.value;
  const steps = area.questions
    .map((q) => {
      const value = byQuestion.get(q.id);
      return { q, value, level: value ? countedLevel(value, lowest) : null, step: nextStepFor(q, model.scale, value) };
    })
    .filter((s) => s.step)
    .sort((a, b) => (a.level ?? 0) - (b.level ?? 0));

  return (
    <section className={card} aria-labelledby="next-heading">
      <h2 id="next-heading" className="text-lg font-semibold">
        Raise the lowest stave: <span className="text-weak-700">{area.name}</span>
      </h2>
      <p className="mt-1 text-sm text-stone-700">
        The barrel holds more water only when this stave rises. Aim one or two levels up, starting with the lowest answers.
      </p>
      {steps.length === 0 ? (
        <p className="mt-3 text-sm">Every question in this area is at the top level or not applicable.</p>
      ) : (
        <ol className="mt-4 space-y-3">
          {steps.map(({ q, value, step }) => (
            <li key={q.id} className="rounded-md border border-stone-200 p-3">
              <p className="font-semibold">
                {q.title} <span className="font-normal text-stone-600">· now {answerLabel(model, value)}</span>
              </p>
              <p className="mt-1 text-sm text-stone-800">{step}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
