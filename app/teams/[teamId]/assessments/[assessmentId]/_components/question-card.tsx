"use client";

import { useState } from "react";
import { NOTE_MAX, REASON_MAX } from "@/lib/answer";
import { consideredLevels } from "@/lib/model/criteria";
import { firstSentence } from "@/lib/model/headlines";
import { nextStepFor } from "@/lib/model/lookup";
import type { QuestionText } from "@/lib/model/questionnaire";
import type { ScaleLevel } from "@/lib/model/schema";
import { toAnswerValue, type LocalAnswer } from "@/lib/local-answer";
import { AimedActions, type AimedAction } from "./aimed-actions";
import { CriteriaChecklist } from "./criteria-checklist";
import { LevelOption, optionCard } from "./level-option";
import { PhoneFold } from "./phone-fold";
import type { ReviewMark } from "@/lib/review-mark";
import { ReviewNote } from "./review-note";
import { SaveStatus } from "./save-status";
import type { SaveState } from "./use-autosave";

type Props = {
  question: QuestionText;
  number: number;
  scale: readonly ScaleLevel[];
  local: LocalAnswer;
  saveState: SaveState | undefined;
  review: ReviewMark | undefined;
  aimed?: readonly AimedAction[];
  onChoice: (choice: string) => void;
  /** Keeps a carried answer as it is (it counts as reviewed). */
  onConfirm: () => void;
  onText: (field: "reason" | "note", value: string, commit: boolean) => void;
  /** The answer's evidence and its editor. */
  evidence?: React.ReactNode;
};

export function QuestionCard({ question, number, scale, local, saveState, review, aimed, onChoice, onConfirm, onText, evidence }: Props) {
  const q = question.id;
  const nextStep = nextStepFor(question, scale, toAnswerValue(local));
  const chooseAgain = () => review?.state === "unreviewed" && onConfirm();
  const other = (choice: "unsure" | "not_applicable", label: string) => (
    <label className={`${optionCard} border-dashed border-stone-400`}>
      <input
        type="radio"
        name={q}
        value={choice}
        checked={local.choice === choice}
        onChange={() => onChoice(choice)}
        onClick={() => local.choice === choice && chooseAgain()}
        className="sr-only"
        aria-label={label}
        aria-describedby={`${choice}-meaning`}
      />
      <span className="font-semibold text-stone-900">{label}</span>
    </label>
  );

  return (
    <fieldset
      id={`q-${q}`}
      className="scroll-mt-24 space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5"
      aria-describedby={`${review ? `review-${q} ` : ""}why-${q} status-${q}`}
    >
      <legend className="sr-only">
        {number}. {question.title}: {question.prompt}
      </legend>
      <div aria-hidden="true">
        <p className="text-xs font-semibold uppercase tracking-wide text-wood-700">
          {number} · {question.title}
        </p>
        <p className="mt-1 text-lg font-semibold text-stone-900">{question.prompt}</p>
      </div>
      <ReviewNote id={`review-${q}`} mark={review} onConfirm={onConfirm} />
      <PhoneFold id={`why-fold-${q}`} label="Why it matters">
        <WhyItMatters why={question.why} />
      </PhoneFold>
      <p id={`why-${q}`} hidden>
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
          <LevelOption
            key={level.value}
            questionId={q}
            level={level}
            headline={question.headlines[i]!}
            descriptor={question.levels[i]!}
            evidence={question.evidence?.[i]}
            checked={local.choice === String(level.value)}
            onChoose={() => onChoice(String(level.value))}
            onChooseAgain={chooseAgain}
          />
        ))}
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        {other("unsure", "Unsure")}
        {other("not_applicable", "Not applicable")}
      </div>
      <CriteriaChecklist questionId={q} levels={consideredLevels(scale, question.criteria, local.choice)} />

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
        <PhoneFold id={`next-fold-${q}`} label="How to reach the next level">
          <p className="rounded-md bg-water-300/15 p-3 text-sm text-stone-800">
            <span className="font-semibold text-water-700">To reach the next level: </span>
            {nextStep}
          </p>
        </PhoneFold>
      )}

      {evidence}
      <details className="text-sm" open={local.note !== "" || undefined}>
        <summary className="cursor-pointer py-2 font-medium text-wood-700">Add a note</summary>
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

/** "Why it matters" in its first sentence, the rest on demand (screen readers hear it all with the question). */
function WhyItMatters({ why }: { why: string }) {
  const [open, setOpen] = useState(false);
  const first = firstSentence(why);
  const rest = why.slice(first.length).trim();
  return (
    <p className="text-sm text-stone-700">
      <span className="font-semibold">Why it matters: </span>
      {first}
      {rest && open && ` ${rest}`}
      {rest && (
        <>
          {" "}
          <button type="button" className="font-medium text-wood-700 underline underline-offset-2" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? "less" : "more"}
            <span className="sr-only"> on why it matters</span>
          </button>
        </>
      )}
    </p>
  );
}
