import { minutesText } from "@/lib/answering-time";
import type { QuestionnaireOutline } from "@/lib/model/questionnaire";
import type { AreaProgress } from "@/lib/answering-progress";

type Area = QuestionnaireOutline["areas"][number];

type Props = { areas: readonly Area[]; progress: readonly AreaProgress[]; current: number; onSelect: (index: number) => void };

/** The progress indicator: one step per area, with how many of its questions are done, how many wait for review and the time left. */
export function AreaSteps({ areas, progress, current, onSelect }: Props) {
  return (
    <ol className="flex gap-1 overflow-x-auto text-sm" aria-label="Assessment areas">
      {areas.map((area, i) => {
        const { done, toReview, total, seconds } = progress[i]!;
        const complete = done === total;
        return (
          <li key={area.id} className="min-w-0 flex-1">
            <button
              type="button"
              onClick={() => onSelect(i)}
              aria-current={i === current ? "step" : undefined}
              className={`w-full rounded-md border px-2 py-1.5 text-left ${
                i === current ? "border-wood-700 bg-white font-semibold text-wood-900" : "border-stone-300 bg-white/70 text-stone-700 hover:border-wood-500"
              }`}
            >
              <span className="block truncate">{area.name}</span>
              <span className={`block truncate text-xs font-normal ${complete ? "text-emerald-700" : toReview > 0 ? "text-amber-800" : "text-stone-600"}`}>
                {done}/{total}
                {complete ? " ✓" : ""}
                {toReview > 0 && <span className="max-sm:sr-only"> · {toReview} to review</span>}
                {!complete && <span className="max-sm:sr-only"> · {minutesText(seconds).replace("about ", "~")}</span>}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
