import type { QuestionnaireOutline } from "@/lib/model/questionnaire";

type Area = QuestionnaireOutline["areas"][number];

type Props = { areas: readonly Area[]; current: number; isAnswered: (questionId: string) => boolean; onSelect: (index: number) => void };

/** The progress indicator: one step per area, with how many of its questions have answers. */
export function AreaSteps({ areas, current, isAnswered, onSelect }: Props) {
  return (
    <ol className="flex gap-1 overflow-x-auto text-sm" aria-label="Assessment areas">
      {areas.map((area, i) => {
        const done = area.questionIds.filter(isAnswered).length;
        const complete = done === area.questionIds.length;
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
              <span className={`block text-xs ${complete ? "text-emerald-700" : "text-stone-600"}`}>
                {done}/{area.questionIds.length}
                {complete ? " ✓" : ""}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
