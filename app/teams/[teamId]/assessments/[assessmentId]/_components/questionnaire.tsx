"use client";

import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { button } from "@/components/ui/styles";
import { resumePoint, type QuestionnaireOutline } from "@/lib/model/questionnaire";
import { submitAssessmentAction } from "../actions";
import { answeredIn, emptyLocalAnswer, type LocalAnswer, toAnswerValue } from "./local-answer";
import { aimKey } from "@/lib/improvement-actions";
import { AimedActions, type AimedAction } from "./aimed-actions";
import { QuestionCard } from "./question-card";
import { AreaSteps } from "./area-steps";
import { OverallSaveStatus } from "./save-status";
import { useAutosave } from "./use-autosave";
import { useAreaTexts, type AreaTexts } from "./use-area-texts";

type Props = {
  assessmentId: string;
  model: QuestionnaireOutline;
  /** The questions' text of the areas sent with the page (the one it opens at); the others are fetched from `areasHref`. */
  texts: AreaTexts;
  areasHref: string;
  initial: Record<string, LocalAnswer>;
  /** Open improvement actions by what they aim at ("question:<id>" or "area:<id>"). */
  aimed?: Record<string, AimedAction[]>;
  /** Answered by each member: these are the actor's own answers, and only the lead (given the link) submits. */
  respondents?: { leadHref: string | null };
};

const TEXT_SAVE_DELAY = 800;

export function Questionnaire({ assessmentId, model, texts: sentTexts, areasHref, initial, aimed = {}, respondents }: Props) {
  const [answers, setAnswers] = useState(initial);
  const { states, save, unsaved } = useAutosave(assessmentId);
  const textTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, startSubmit] = useTransition();

  const isAnswered = answeredIn(answers);
  const allQuestions = useMemo(() => model.areas.flatMap((a) => a.questionIds), [model]);
  const firstOpen = resumePoint(model, isAnswered);
  const [areaIndex, setAreaIndex] = useState(firstOpen.areaIndex);
  const area = model.areas[areaIndex]!;
  const answeredCount = allQuestions.filter(isAnswered).length;
  const stickyBar = useRef<HTMLDivElement>(null);
  const { texts, failures, load } = useAreaTexts(areasHref, sentTexts);
  const questions = texts[area.id];
  /** The question to scroll to once its area is on the page: where answering resumes, at first. */
  const scrollTo = useRef(answeredCount > 0 ? firstOpen.questionId : undefined);

  /** Scrolls a question to just below the sticky progress bar (whose height depends on the screen), never under it. */
  function showQuestion(questionId: string) {
    const question = document.getElementById(`q-${questionId}`);
    if (!question) return;
    const barHeight = stickyBar.current?.offsetHeight ?? 0;
    window.scrollTo({ top: question.getBoundingClientRect().top + window.scrollY - barHeight - 8 });
  }

  useEffect(() => {
    // This area's text if it has not come yet, and its neighbours' once the browser is idle, so moving on is instant.
    load(area.id);
    const ahead = setTimeout(() => [model.areas[areaIndex + 1], model.areas[areaIndex - 1]].forEach((a) => a && load(a.id)), 1000);
    return () => clearTimeout(ahead);
  }, [area.id, areaIndex, load, model]);

  useEffect(() => {
    // Coming back to a half-finished assessment, or asked for the first unanswered question: go straight to it.
    const id = scrollTo.current;
    if (id && questions?.some((q) => q.id === id)) {
      scrollTo.current = undefined;
      showQuestion(id);
    }
  }, [questions]);

  function persist(questionId: string, local: LocalAnswer) {
    const value = toAnswerValue(local);
    if (value) save(questionId, { answer: value, note: local.note.trim() || null });
  }

  function update(questionId: string, change: Partial<LocalAnswer>) {
    const next = { ...(answers[questionId] ?? emptyLocalAnswer), ...change };
    setAnswers((all) => ({ ...all, [questionId]: next }));
    return next;
  }

  function onChoice(questionId: string, choice: string) {
    persist(questionId, update(questionId, { choice }));
  }

  function onText(questionId: string, field: "reason" | "note", value: string, commit: boolean) {
    const next = update(questionId, { [field]: value });
    const key = `${questionId}:${field}`;
    clearTimeout(textTimers.current.get(key));
    if (commit) persist(questionId, next);
    else textTimers.current.set(key, setTimeout(() => persist(questionId, next), TEXT_SAVE_DELAY));
  }

  function goTo(index: number) {
    setAreaIndex(index);
    requestAnimationFrame(() => document.getElementById("area-heading")?.focus());
  }

  function submit() {
    setSubmitError(null);
    startSubmit(async () => {
      const result = await submitAssessmentAction({ assessmentId });
      if (result && !result.ok) setSubmitError(result.error);
    });
  }

  const complete = answeredCount === allQuestions.length;
  const isLast = areaIndex === model.areas.length - 1;
  const areaStart = model.areas.slice(0, areaIndex).reduce((n, a) => n + a.questionIds.length, 0);

  return (
    <div className="space-y-6">
      <div ref={stickyBar} className="sticky top-0 z-10 -mx-4 space-y-2 border-b border-stone-200 bg-stone-50/95 px-4 py-3 backdrop-blur">
        <AreaSteps areas={model.areas} current={areaIndex} isAnswered={isAnswered} onSelect={goTo} />
        <div className="flex flex-wrap items-center justify-between gap-2">
          <label className="flex flex-1 items-center gap-2 text-sm text-stone-700">
            <span className="whitespace-nowrap">
              {answeredCount} of {allQuestions.length} answered
            </span>
            <progress className="h-2 w-full max-w-xs accent-wood-700" max={allQuestions.length} value={answeredCount}>
              {answeredCount} of {allQuestions.length}
            </progress>
          </label>
          <OverallSaveStatus states={states} />
        </div>
      </div>

      <section aria-labelledby="area-heading" className="space-y-4">
        <div>
          <h2 id="area-heading" tabIndex={-1} className="text-xl font-bold text-wood-900">
            {area.name}{" "}
            <span className="ml-1 text-sm font-normal text-stone-600">
              Area {areaIndex + 1} of {model.areas.length}
            </span>
          </h2>
          <p className="mt-1 text-stone-700">{area.summary}</p>
        </div>
        <AimedActions actions={aimed[aimKey({ areaId: area.id, questionId: null })]} where="this area" />
        {!questions && (
          <div className="rounded-xl border border-stone-200 bg-white p-5 text-sm text-stone-700">
            {failures[area.id] ? (
              <p role="alert">
                {failures[area.id]}{" "}
                <button type="button" className={button.quiet} onClick={() => load(area.id)}>Try again</button>
              </p>
            ) : (
              <p role="status">Loading the questions of {area.name}…</p>
            )}
          </div>
        )}
        {questions?.map((question, i) => (
          <QuestionCard
            key={question.id}
            question={question}
            number={areaStart + i + 1}
            scale={model.scale}
            local={answers[question.id] ?? emptyLocalAnswer}
            saveState={states[question.id]}
            aimed={aimed[aimKey({ areaId: area.id, questionId: question.id })]}
            onChoice={(choice) => onChoice(question.id, choice)}
            onText={(field, value, commit) => onText(question.id, field, value, commit)}
          />
        ))}
      </section>

      <nav aria-label="Areas" className="flex flex-wrap items-center justify-between gap-3">
        <button type="button" className={button.secondary} disabled={areaIndex === 0} onClick={() => goTo(areaIndex - 1)}>
          Previous area
        </button>
        {!isLast && (
          <button type="button" className={button.primary} onClick={() => goTo(areaIndex + 1)}>
            Next area: {model.areas[areaIndex + 1]!.name}
          </button>
        )}
      </nav>

      {isLast && respondents && (
        <section aria-labelledby="done-heading" className="rounded-xl border border-wood-300 bg-wood-50 p-5">
          <h2 id="done-heading" className="text-lg font-semibold">Your answers</h2>
          <p className="mt-1 text-sm text-stone-700">
            {answeredCount} of {allQuestions.length} answered{unsaved > 0 ? ", saving…" : ", all saved"}. There is nothing to submit: you can change them until
            the lead submits the team&apos;s answers.
          </p>
          {respondents.leadHref && (
            <a href={respondents.leadHref} className={`${button.primary} mt-3`}>
              Team answers: see the spread and submit
            </a>
          )}
        </section>
      )}

      {isLast && !respondents && (
        <section aria-labelledby="submit-heading" className="rounded-xl border border-wood-300 bg-wood-50 p-5">
          <h2 id="submit-heading" className="text-lg font-semibold">Submit the assessment</h2>
          <p className="mt-1 text-sm text-stone-700">
            {complete
              ? unsaved > 0
                ? "Waiting for every answer to save…"
                : "Every question has an answer. Once submitted, the assessment is read-only."
              : `${allQuestions.length - answeredCount} question${allQuestions.length - answeredCount === 1 ? "" : "s"} still need an answer (“unsure” and “not applicable” count).`}
          </p>
          {!complete && firstOpen.questionId && (
            <button type="button" className={`${button.quiet} mt-2`} onClick={() => {
              // In this area, at once; in another, once its questions are on the page.
              if (firstOpen.areaIndex === areaIndex && questions) return showQuestion(firstOpen.questionId!);
              scrollTo.current = firstOpen.questionId;
              setAreaIndex(firstOpen.areaIndex);
            }}>
              Go to the first unanswered question
            </button>
          )}
          <div className="mt-3">
            <button type="button" className={button.primary} disabled={!complete || unsaved > 0 || submitting} onClick={submit}>
              {submitting ? "Submitting…" : "Submit and see results"}
            </button>
          </div>
          {submitError && <p role="alert" className="mt-2 text-sm font-medium text-red-700">{submitError}</p>}
        </section>
      )}
    </div>
  );
}
