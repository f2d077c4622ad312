"use client";

import { NOTE_MAX, REASON_MAX } from "@/lib/answer";
import { nextStepFor } from "@/lib/model/lookup";
import type { QuestionText } from "@/lib/model/questionnaire";
import type { ScaleLevel } from "@/lib/model/schema";
import { toAnswerValue, type LocalAnswer } from "./local-answer";
import { AimedActions, type AimedAction } from "./aimed-actions";
import { SaveStatus } from "./save-status";
import type { SaveState } from "./use-autosave";

type Props = {
  question: QuestionText;
  number: number;
  scale: readonly ScaleLevel[];
  local: LocalAnswer;
  saveState: SaveState | undefined;
  aimed?: readonly AimedAction[];
  onChoice: (choice: string) => void;
  onText: (field: "reason" | "note", value: string, commit: boolean) => void;
};

const optionCard =
  "relative flex cursor-pointer gap-3 rounded-lg border bg-white p-3 text-sm shadow-sm transition-colors hover:border-wood-500 has-[:checked]:border-wood-700 has-[:checked]:bg-wood-50 has-[:checked]:ring-2 has-[:checked]:ring-wood-700 has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-water-500";

export function QuestionCard({ question, number, scale, local, saveState, aimed, onChoice, onText }: Props) {
  const q = question.id;
  const nextStep = nextStepFor(question, scale, toAnswerValue(local));

  return (
    <fieldset id={`q-${q}`} className="scroll-mt-24 space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5" aria-describedby={`why-${q} status-${q}`}>
      <legend className="sr-only">
        {number}. {question.title}: {question.prompt}
      </legend>
      <div className="flex flex-wrap items-start justify-between gap-2" aria-hidden="true">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-wood-700">
            Question {number} · {question.title}
          </p>
          <p className="mt-1 text-lg font-semibold text-stone-900">{question.prompt}</p>
        </div>
      </div>
      <p id={`why-${q}`} className="text-sm text-stone-700">
        <span className="font-semibold">Why it matters: </span>
        {question.why}
      </p>
      {question.coverage && (
        <p className="text-sm text-stone-700">
          <span className="font-semibold">Scope: </span>
          {question.coverage}
        </p>
      )}
      <AimedActions actions={aimed} where="this question" />

      <div className="grid gap-2">
        {scale.map((level, i) => (
          <label key={level.value} className={`${optionCard} border-stone-300`}>
            <input
              type="radio"
              name={q}
              value={String(level.value)}
              checked={local.choice === String(level.value)}
              onChange={() => onChoice(String(level.value))}
              className="sr-only"
              aria-label={`${level.value} ${level.label}`}
              aria-describedby={`level-${q}-${level.value}`}
            />
            <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-wood-100 font-bold text-wood-900">
              {level.value}
            </span>
            <span>
              <span className="block font-semibold text-stone-900">{level.label}</span>
              <span id={`level-${q}-${level.value}`} className="text-stone-700">
                {question.levels[i]}
                {question.evidence?.[i] && <span className="mt-0.5 block text-xs text-stone-600">To show for it: {question.evidence[i]}</span>}
              </span>
            </span>
          </label>
        ))}
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        <label className={`${optionCard} border-dashed border-stone-400`}>
          <input type="radio" name={q} value="unsure" checked={local.choice === "unsure"} onChange={() => onChoice("unsure")} className="sr-only" aria-label="Unsure" aria-describedby={`unsure-${q}`} />
          <span>
            <span className="block font-semibold text-stone-900">Unsure</span>
            <span id={`unsure-${q}`} className="text-stone-700">Nobody here knows. Counts as the lowest level and is flagged.</span>
          </span>
        </label>
        <label className={`${optionCard} border-dashed border-stone-400`}>
          <input type="radio" name={q} value="not_applicable" checked={local.choice === "not_applicable"} onChange={() => onChoice("not_applicable")} className="sr-only" aria-label="Not applicable" aria-describedby={`na-${q}`} />
          <span>
            <span className="block font-semibold text-stone-900">Not applicable</span>
            <span id={`na-${q}`} className="text-stone-700">Does not apply to this team. Needs a reason; left out of the score.</span>
          </span>
        </label>
      </div>

      {local.choice === "not_applicable" && (
        <div>
          <label htmlFor={`reason-${q}`} className="block text-sm font-medium text-stone-800">
            Why does this not apply? (required)
          </label>
          <textarea
            id={`reason-${q}`}
            rows={2}
            maxLength={REASON_MAX}
            value={local.reason}
            onChange={(e) => onText("reason", e.target.value, false)}
            onBlur={(e) => onText("reason", e.target.value, true)}
            className="mt-1 block w-full rounded-md border border-stone-400 px-3 py-2"
            aria-invalid={local.reason.trim() === "" ? true : undefined}
          />
        </div>
      )}

      {nextStep && (
        <p className="rounded-md bg-water-300/15 p-3 text-sm text-stone-800">
          <span className="font-semibold text-water-700">To reach the next level: </span>
          {nextStep}
        </p>
      )}

      <details className="text-sm" open={local.note !== "" || undefined}>
        <summary className="cursor-pointer py-2 font-medium text-wood-700">Add a note (optional)</summary>
        <label htmlFor={`note-${q}`} className="sr-only">
          Note for {question.title}
        </label>
        <textarea
          id={`note-${q}`}
          rows={2}
          maxLength={NOTE_MAX}
          value={local.note}
          disabled={local.choice === null}
          placeholder={local.choice === null ? "Choose an answer first" : "Evidence, context, disagreements…"}
          onChange={(e) => onText("note", e.target.value, false)}
          onBlur={(e) => onText("note", e.target.value, true)}
          className="mt-2 block w-full rounded-md border border-stone-400 px-3 py-2 disabled:bg-stone-100"
        />
      </details>
      <SaveStatus state={saveState} id={`status-${q}`} />
    </fieldset>
  );
}
