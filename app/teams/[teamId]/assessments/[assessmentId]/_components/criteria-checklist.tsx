"use client";

import { useState } from "react";
import { criteriaMetText, type ConsideredLevel } from "@/lib/model/criteria";

/**
 * The criteria of the levels a team is weighing, to tick while discussing the answer: each level
 * says how many are met. A reading aid only: the answer is the level chosen, and ticks are not kept. A group, not a landmark: many questions show the same levels.
 */
export function CriteriaChecklist({ questionId, levels }: { questionId: string; levels: readonly ConsideredLevel[] }) {
  const [met, setMet] = useState<Record<string, boolean>>({});
  if (levels.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="criteria-checklist">
      {levels.map(({ level, criteria }) => {
        const key = (i: number) => `${level.value}-${i}`;
        const count = criteria.filter((_, i) => met[key(i)]).length;
        const headingId = `criteria-${questionId}-${level.value}`;
        return (
          <div key={level.value} role="group" aria-labelledby={headingId} className="rounded-md border border-stone-200 bg-stone-50 p-3 text-sm">
            <h3 id={headingId} className="font-semibold text-stone-900">
              Level {level.value} · {level.label}: <span aria-live="polite">{criteriaMetText(count, criteria.length)}</span>
            </h3>
            <ul className="mt-1 space-y-1">
              {criteria.map((criterion, i) => (
                <li key={criterion}>
                  <label className="flex cursor-pointer items-start gap-2">
                    <input
                      type="checkbox"
                      className="mt-0.5 size-4 accent-wood-700"
                      checked={met[key(i)] ?? false}
                      onChange={(e) => setMet({ ...met, [key(i)]: e.target.checked })}
                    />
                    <span>{criterion}</span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <p className="text-xs text-stone-600">Ticks help you weigh the level; your answer is the level you choose.</p>
    </div>
  );
}
