"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { button } from "@/components/ui/styles";
import { minutesText } from "@/lib/answering-time";
import { answeredText, type CarriedState } from "@/lib/carry";
import { aimKey } from "@/lib/improvement-actions";
import { resumePoint, type QuestionnaireOutline } from "@/lib/model/questionnaire";
import { submitAssessmentAction } from "../actions";
import { AimedActions, type AimedAction } from "./aimed-actions";
import { answeringProgress } from "@/lib/answering-progress";
import { AreaReview, ConfirmAreaButton } from "./area-review";
import { AreaSteps } from "./area-steps";
import { answeredIn, emptyLocalAnswer, type LocalAnswer, toAnswerValue } from "@/lib/local-answer";
import type { AssessmentEvidence } from "@/lib/evidence/stored";
import { EvidenceEditor } from "./evidence-editor";
import { QuestionCard } from "./question-card";
import { reviewMark, type LastCycle } from "@/lib/review-mark";
import { OverallSaveStatus } from "./save-status";
import { SubmitSection } from "./submit-section";
import { useAreaTexts, type AreaTexts } from "./use-area-texts";
import { useAutosave } from "./use-autosave";
import { useReview } from "./use-review";

type Props = {
  assessmentId: string;
  model: QuestionnaireOutline;
  /** The questions' text of the areas sent with the page (the one it opens at); the others are fetched from `areasHref`. */
  texts: AreaTexts;
  areasHref: string;
  initial: Record<string, LocalAnswer>;
  /** Answers carried from the last assessment: not yet reviewed, or reviewed. */
  carried?: Record<string, CarriedState>;
  /** The assessment this one started from, when it did. */
  lastCycle?: LastCycle;
  /** Open improvement actions by what they aim at ("question:<id>" or "area:<id>"). */
  aimed?: Record<string, AimedAction[]>;
  /** Answered by each member: these are the actor's own answers, and only the lead (given the link) submits. */
  respondents?: { leadHref: string | null };
  /** The team answers' evidence: shown and edited beside each answer. */
  evidence?: AssessmentEvidence;
};

const TEXT_SAVE_DELAY = 800;

export function Questionnaire({
  assessmentId,
  model,
  texts: sentTexts,
  areasHref,
  initial,
  carried = {},
  lastCycle,
  aimed = {},
  respondents,
  evidence,
}: Props) {
  const [answers, setAnswers] = useState(initial);
  const { review, isUnreviewed, markReviewed, confirmArea, confirming, errors } = useReview(assessmentId, carried);
  // A carried answer is reviewed once its save is stored: the server marks it so in the same statement.
  const { states, save, unsaved } = useAutosave(assessmentId, { onSaved: (questionId) => markReviewed([questionId]) });
  const textTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, startSubmit] = useTransition();

  const isAnswered = answeredIn(answers);
  const progress = answeringProgress(model.areas, isAnswered, isUnreviewed);
  const isDone = (id: string) => progress.stateOf(id) === "done";
  const firstOpen = resumePoint(model, isDone);
  const [areaIndex, setAreaIndex] = useState(firstOpen.areaIndex);
  const area = model.areas[areaIndex]!;
  const areaProgress = progress.perArea[areaIndex]!;
  const answeredCount = progress.done + progress.toReview;
  const stickyBar = useRef<HTMLDivElement>(null);
  const { texts, failures, load } = useAreaTexts(areasHref, sentTexts);
  const questions = texts[area.id];
  /** The question to scroll to once its area is on the page: where answering resumes, at first. */
  const scrollTo = useRef(progress.done > 0 ? firstOpen.questionId : undefined);

  /** Scrolls a question to just below the sticky progress bar (whose height depends on the screen), never under it. */
  function showQuestion(questionId: string) {
    const question = document.getElementById(`q-${questionId}`);
    if (!question) return;
    const barHeight = stickyBar.current?.offsetHeight ?? 0;
    window.scrollTo({ top: question.getBoundingClientRect().top + window.scrollY - barHeight - 8 });
  }

  /** A question, in this area at once, in another once its questions are on the page. */
  function goToQuestion(target: { questionId?: string; areaIndex: number }) {
    if (!target.questionId) return;
    if (target.areaIndex === areaIndex && questions) return showQuestion(target.questionId);
    scrollTo.current = target.questionId;
    setAreaIndex(target.areaIndex);
  }

  useEffect(() => {
    // This area's text if it has not come yet, and its neighbours' once the browser is idle, so moving on is instant.
    load(area.id);
    const ahead = setTimeout(() => [model.areas[areaIndex + 1], model.areas[areaIndex - 1]].forEach((a) => a && load(a.id)), 1000);
    return () => clearTimeout(ahead);
  }, [area.id, areaIndex, load, model]);

  useEffect(() => {
    // Coming back to a half-finished assessment, or asked for a question of another area: go straight to it.
    const id = scrollTo.current;
    if (id && questions?.some((q) => q.id === id)) {
      scrollTo.current = undefined;
      showQuestion(id);
    }
  }, [questions]);

  function persist(questionId: string, local: LocalAnswer) {
    const value = toAnswerValue(local);
    if (!value) return;
    save(questionId, { answer: value, note: local.note.trim() || null });
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
    else
      textTimers.current.set(
        key,
        setTimeout(() => persist(questionId, next), TEXT_SAVE_DELAY),
      );
  }

  function goTo(index: number) {
    setAreaIndex(index);
    requestAnimationFrame(() => document.getElementById("area-heading")?.focus());
  }

  /** Confirms the area's carried answers, then moves on: to what is left in it, the next area, or the submit section. */
  async function confirmAndMoveOn() {
    if (!(await confirmArea(area.id, area.questionIds))) return;
    const open = area.questionIds.find((id) => !isAnswered(id));
    if (open) {
      // The confirm button is gone: focus goes to what is left to answer in the area.
      showQuestion(open);
      return document.querySelector<HTMLInputElement>(`#q-${open} input[type=radio]`)?.focus({ preventScroll: true });
    }
    if (!isLast) return goTo(areaIndex + 1);
    requestAnimationFrame(() => {
      const end = document.getElementById("submit") ?? document.getElementById("done-heading");
      end?.scrollIntoView();
      end?.focus();
    });
  }

  function submit() {
    setSubmitError(null);
    startSubmit(async () => {
      const result = await submitAssessmentAction({ assessmentId });
      if (result && !result.ok) setSubmitError(result.error);
    });
  }

  const isLast = areaIndex === model.areas.length - 1;
  const areaStart = model.areas.slice(0, areaIndex).reduce((n, a) => n + a.questionIds.length, 0);
  const confirmingHere = confirming === area.id;
  const mark = (questionId: string) => reviewMark(questionId, review[questionId], answers[questionId] ?? emptyLocalAnswer, lastCycle, model);

  return (
    <div className="space-y-6">
      <div ref={stickyBar} className="sticky top-0 z-10 -mx-4 space-y-2 border-b border-stone-200 bg-stone-50/95 px-4 py-3 backdrop-blur">
        <AreaSteps areas={model.areas} progress={progress.perArea} current={areaIndex} onSelect={goTo} />
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-sm text-stone-700">
          <p>
            <span data-testid="answered-count">{answeredText({ answered: answeredCount, toReview: progress.toReview, total: progress.total })}</span>
            {" · "}
            <span data-testid="time-left">{progress.seconds > 0 ? `${minutesText(progress.seconds)} left` : "nothing left to answer"}</span>
          </p>
          <progress className="h-2 flex-1 accent-wood-700 max-sm:hidden sm:max-w-48" max={progress.total} value={progress.done} aria-label="Questions done">
            {progress.done} of {progress.total} done
          </progress>
          <OverallSaveStatus states={states} />
        </div>
      </div>

      <section aria-labelledby="area-heading" className="space-y-4">
        <div>
          <h2 id="area-heading" tabIndex={-1} className="text-xl font-bold text-wood-900">
            {area.name}{" "}
            <span className="ml-1 text-sm font-normal text-stone-600">
              Area {areaIndex + 1} of {model.areas.length}
              {areaProgress.seconds > 0 && ` · ${minutesText(areaProgress.seconds)} left`}
            </span>
          </h2>
          <p className="mt-1 text-stone-700">{area.summary}</p>
          <p className="mt-1 text-sm text-stone-600">
            <span id="unsure-meaning">“Unsure” counts as the lowest level.</span>{" "}
            <span id="not_applicable-meaning">“Not applicable” needs a reason and is left out of the score.</span>
          </p>
        </div>
        {lastCycle && (
          <AreaReview
            areaName={area.name}
            pending={areaProgress.toReview}
            on={lastCycle.on}
            confirming={confirmingHere}
            error={errors[area.id]}
            onConfirm={confirmAndMoveOn}
          />
        )}
        <AimedActions actions={aimed[aimKey({ areaId: area.id, questionId: null })]} where="this area" />
        {!questions && (
          <div className="rounded-xl border border-stone-200 bg-white p-5 text-sm text-stone-700">
            {failures[area.id] ? (
              <p role="alert">
                {failures[area.id]}{" "}
                <button type="button" className={button.quiet} onClick={() => load(area.id)}>
                  Try again
                </button>
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
            review={mark(question.id)}
            aimed={aimed[aimKey({ areaId: area.id, questionId: question.id })]}
            onChoice={(choice) => onChoice(question.id, choice)}
            onConfirm={() => persist(question.id, answers[question.id] ?? emptyLocalAnswer)}
            onText={(field, value, commit) => onText(question.id, field, value, commit)}
            evidence={evidence && <EvidenceEditor assessmentId={assessmentId} question={question} evidence={evidence} />}
          />
        ))}
      </section>

      <nav aria-label="Areas" className="flex flex-wrap items-center justify-between gap-3">
        <button type="button" className={button.secondary} disabled={areaIndex === 0} onClick={() => goTo(areaIndex - 1)}>
          Previous area
        </button>
        <div className="flex flex-wrap gap-3">
          {areaProgress.toReview > 0 && <ConfirmAreaButton areaName={area.name} confirming={confirmingHere} onConfirm={confirmAndMoveOn} />}
          {!isLast && (
            <button type="button" className={areaProgress.toReview > 0 ? button.secondary : button.primary} onClick={() => goTo(areaIndex + 1)}>
              Next area: {model.areas[areaIndex + 1]!.name}
            </button>
          )}
        </div>
      </nav>
      {/* Announced once, by the area's review panel; shown here too, beside the button that was used. */}
      {errors[area.id] && <p className="text-sm font-medium text-red-700">{errors[area.id]}</p>}

      {isLast && respondents && (
        <section aria-labelledby="done-heading" className="rounded-xl border border-wood-300 bg-wood-50 p-5">
          <h2 id="done-heading" tabIndex={-1} className="text-lg font-semibold">
            Your answers
          </h2>
          <p className="mt-1 text-sm text-stone-700">
            {answeredCount} of {progress.total} answered{progress.toReview > 0 ? `, ${progress.toReview} still to review (they count once reviewed)` : ""}
            {unsaved > 0 ? ", saving…" : ", all saved"}. There is nothing to submit: you can change them until the lead submits the team&apos;s answers.
          </p>
          {respondents.leadHref && (
            <a href={respondents.leadHref} className={`${button.primary} mt-3`}>
              Team answers: see the spread and submit
            </a>
          )}
        </section>
      )}

      {isLast && !respondents && (
        <SubmitSection
          answered={answeredCount}
          total={progress.total}
          toReview={progress.toReview}
          unsaved={unsaved}
          submitting={submitting}
          error={submitError}
          onGoToFirst={firstOpen.questionId ? () => goToQuestion(answeredCount < progress.total ? resumePoint(model, isAnswered) : firstOpen) : undefined}
          onSubmit={submit}
        />
      )}
    </div>
  );
}
