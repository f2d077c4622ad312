"use client";

import { useState } from "react";
import type { ScaleLevel } from "@/lib/model/schema";

export const optionCard =
  "relative flex cursor-pointer gap-3 rounded-lg border bg-white p-3 text-sm shadow-sm transition-colors hover:border-wood-500 has-[:checked]:border-wood-700 has-[:checked]:bg-wood-50 has-[:checked]:ring-2 has-[:checked]:ring-wood-700 has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-water-500";

type Props = {
  questionId: string;
  level: ScaleLevel;
  headline: string;
  descriptor: string;
  evidence: string | undefined;
  checked: boolean;
  onChoose: () => void;
  /** Clicking the level already chosen: a carried answer confirmed as it is. */
  onChooseAgain: () => void;
};

/**
 * One level of a question: its headline in a line, its full descriptor and evidence on demand (the
 * chevron), and always for the level chosen. Screen readers hear the full descriptor with the level.
 */
export function LevelOption({ questionId, level, headline, descriptor, evidence, checked, onChoose, onChooseAgain }: Props) {
  const [open, setOpen] = useState<boolean>();
  const more = descriptor !== headline || evidence !== undefined;
  const shown = more && (open ?? checked);
  const headlineId = `level-${questionId}-${level.value}`;
  const detailId = `${headlineId}-detail`;
  return (
    <div className="relative">
      <label className={`${optionCard} border-stone-300 ${more ? "pr-11" : ""}`}>
        <input
          type="radio"
          name={questionId}
          value={String(level.value)}
          checked={checked}
          onChange={onChoose}
          onClick={() => checked && onChooseAgain()}
          className="sr-only"
          aria-label={`${level.value} ${level.label}`}
          aria-describedby={more ? `${headlineId} ${detailId}` : headlineId}
        />
        <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-wood-100 font-bold text-wood-900">{level.value}</span>
        <span className="min-w-0">
          <span className="block font-semibold text-stone-900">{level.label}</span>
          <span id={headlineId} className="block text-stone-800">
            {headline}
          </span>
          {more && (
            <span id={detailId} hidden={!shown} className="mt-1 block text-stone-700">
              {descriptor}
              {evidence && <span className="mt-0.5 block text-xs text-stone-600">To show for it: {evidence}</span>}
            </span>
          )}
        </span>
      </label>
      {more && (
        <button
          type="button"
          className="absolute right-1.5 top-1.5 flex h-9 w-9 items-center justify-center rounded-full text-wood-700 hover:bg-wood-100"
          aria-expanded={shown}
          aria-controls={detailId}
          title={shown ? "Show less" : "Show the full description"}
          onClick={() => setOpen(!shown)}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className={`h-5 w-5 transition-transform ${shown ? "rotate-180" : ""}`}>
            <path d="M5 7.5l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className="sr-only">Full description of {level.label}</span>
        </button>
      )}
    </div>
  );
}
