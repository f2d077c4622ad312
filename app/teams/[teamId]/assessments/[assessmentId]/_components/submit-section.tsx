import { button } from "@/components/ui/styles";
import { plural } from "@/lib/words";

type Props = {
  answered: number;
  total: number;
  toReview: number;
  unsaved: number;
  submitting: boolean;
  error: string | null;
  /** Goes to the first question still needing the person; absent when none does. */
  onGoToFirst: (() => void) | undefined;
  onSubmit: () => void;
};

/** The end of the last area: what still stands in the way of submitting, if anything, and the submit button. */
export function SubmitSection({ answered, total, toReview, unsaved, submitting, error, onGoToFirst, onSubmit }: Props) {
  const missing = total - answered;
  const ready = missing === 0 && toReview === 0;
  const blockers = [
    missing > 0 && `${plural(missing, "question still needs", "questions still need")} an answer (“unsure” and “not applicable” count)`,
    toReview > 0 && `${plural(toReview, "carried answer is", "carried answers are")} not yet reviewed`,
  ].filter(Boolean);
  return (
    <section id="submit" tabIndex={-1} aria-labelledby="submit-heading" className="rounded-xl border border-wood-300 bg-wood-50 p-5">
      <h2 id="submit-heading" className="text-lg font-semibold">
        Submit the assessment
      </h2>
      <p className="mt-1 text-sm text-stone-700" data-testid="submit-state">
        {ready
          ? unsaved > 0
            ? "Waiting for every answer to save…"
            : "Every question has an answer. Once submitted, the assessment is read-only."
          : `${blockers.join("; ")}.`}
      </p>
      {!ready && onGoToFirst && (
        <button type="button" className={`${button.quiet} mt-2`} onClick={onGoToFirst}>
          {missing > 0 ? "Go to the first unanswered question" : "Go to the first answer to review"}
        </button>
      )}
      <div className="mt-3">
        <button type="button" className={button.primary} disabled={!ready || unsaved > 0 || submitting} onClick={onSubmit}>
          {submitting ? "Submitting…" : "Submit and see results"}
        </button>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
