import type { ReviewMark } from "@/lib/review-mark";

/** On a question: where its answer came from and whether it has been reviewed, with a way to keep it as it is. */
export function ReviewNote({ id, mark, onConfirm }: { id: string; mark: ReviewMark | undefined; onConfirm: () => void }) {
  if (!mark) return null;
  if (mark.state === "unreviewed") {
    return (
      <div
        className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm"
        data-review="unreviewed"
      >
        <p id={id} className="font-medium text-amber-900">
          From {mark.on}, not yet reviewed
        </p>
        <button
          type="button"
          className="rounded-md border border-amber-400 bg-white px-3 py-1 font-semibold text-stone-800 hover:bg-amber-100"
          onClick={onConfirm}
        >
          Still true<span className="sr-only">: keep this answer</span>
        </button>
      </div>
    );
  }
  const [text, tone] =
    mark.state === "new"
      ? ["New in this version: nothing to carry", "text-water-700"]
      : mark.state === "same"
        ? [`✓ Reviewed: the same as ${mark.on}`, "text-emerald-800"]
        : [`Changed since ${mark.on} (was ${mark.was})`, "text-wood-900"];
  return (
    <p id={id} className={`text-sm font-medium ${tone}`} data-review={mark.state}>
      {text}
    </p>
  );
}
