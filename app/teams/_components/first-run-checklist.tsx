import { IntentLink } from "@/components/ui/intent-link";
import { card } from "@/components/ui/styles";
import type { FirstRunStep } from "@/lib/first-run";

/** A new organisation's first steps, for its owners and admins: each done (✓) or a link to where to do it. */
export function FirstRunChecklist({ steps }: { steps: readonly FirstRunStep[] }) {
  const done = steps.filter((s) => s.done).length;
  return (
    <section className={`${card} border-water-300 bg-water-300/10`} aria-labelledby="first-steps-heading">
      <h2 id="first-steps-heading" className="text-lg font-semibold">
        First steps
      </h2>
      <p className="mt-1 text-sm text-stone-700">
        {done} of {steps.length} done. Four steps to the first barrel and the next one’s due date; this list goes away once all are done.
      </p>
      <ol className="mt-3 space-y-2" aria-label="First steps">
        {steps.map((step, i) => (
          <li key={step.key} className="flex items-start gap-2" data-step={step.key} data-done={step.done}>
            <span
              aria-hidden="true"
              className={`inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-sm font-bold ${step.done ? "bg-green-700 text-white" : "border border-stone-400 text-stone-700"}`}
            >
              {step.done ? "✓" : i + 1}
            </span>
            <span className="flex flex-wrap items-baseline gap-x-2 pt-0.5">
              <span className={step.done ? "text-stone-600" : "font-medium text-stone-900"}>{step.label}</span>
              {step.done ? (
                <span className="text-sm text-green-800">— done</span>
              ) : (
                step.action && (
                  <IntentLink href={step.action.href} className="text-sm font-semibold text-wood-700 underline">
                    {step.action.text}
                  </IntentLink>
                )
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
