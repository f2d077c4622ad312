"use client";

import { useState, useTransition } from "react";
import { button, card, field } from "@/components/ui/styles";
import { Countdown } from "@/components/workshop/countdown";
import { useWorkshopView } from "@/components/workshop/use-workshop-view";
import { VoteDistribution } from "@/components/workshop/vote-distribution";
import type { AnswerValue } from "@/lib/answer";
import { formatDate } from "@/lib/format";
import { answerLabel } from "@/lib/model/lookup";
import type { WorkshopView } from "@/lib/workshop/view";
import { workshopControlAction, workshopMoveAction } from "../actions";
import { AgreeNextBottleneck } from "./agree-next-bottleneck";
import { ConsensusForm, PrivateNoteForm, VoteForForm } from "./facilitator-forms";

type Props = { initial: WorkshopView; questions: { id: string; label: string }[] };

/** The facilitator's console: where the room is, who has voted, the controls, and the consensus. */
export function FacilitatorConsole({ initial, questions }: Props) {
  const { view, live } = useWorkshopView(initial, `/api/workshops/${initial.id}/events`);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (work: () => Promise<{ ok: boolean; error?: string } | undefined>) =>
    start(async () => {
      setError(null);
      const result = await work();
      if (result && !result.ok) setError(result.error ?? "That did not work.");
    });
  const control = (c: "reveal" | "revote" | "pause" | "resume" | "end" | "timer-60" | "timer-off") =>
    run(() => workshopControlAction({ workshopId: view.id, control: c }));
  const move = (to: "next" | "previous" | "question", questionId?: string) => run(() => workshopMoveAction({ workshopId: view.id, to, questionId }));
  const ended = view.status === "ended";
  const q = view.question;

  return (
    <div className="space-y-6">
      <p className="text-sm text-stone-600" role="status">
        {live ? "Live" : "Reconnecting…"} ·{" "}
        {view.status === "paused" ? "Paused" : ended ? "Ended" : view.phase === "revealed" ? "Votes revealed" : `Voting, round ${view.round}`}
      </p>
      {ended && <AgreeNextBottleneck workshopId={view.id} reportHref={`/workshops/${view.id}/report`} />}
      <section className={`${card} space-y-3`} aria-labelledby="current-heading">
        <p className="text-xs font-semibold uppercase tracking-wide text-wood-700">
          Question {q.number} of {q.total} · {q.areaName}
        </p>
        <h2 id="current-heading" className="text-xl font-bold text-wood-900">
          {q.title}
        </h2>
        <p className="font-medium">{q.prompt}</p>
        <p className="text-lg" data-testid="voted-count">
          <strong>{view.voted}</strong> of {view.room} voted
        </p>
        {view.facilitator && view.facilitator.waitingNames.length > 0 && view.phase === "voting" && (
          <p className="text-sm text-stone-700">Still to vote: {view.facilitator.waitingNames.join(", ")}</p>
        )}
        {view.facilitator?.lastCycle && <LastCycleAnswer {...view.facilitator.lastCycle} levels={q.levels} />}
        <Countdown endsAt={view.timerEndsAt} className="text-lg font-semibold text-water-700" />
        {view.revealed && <VoteDistribution tally={view.revealed.tally} byName={view.revealed.byName} levels={q.levels} />}
        {!ended && (
          <div className="flex flex-wrap gap-2">
            {view.phase === "voting" ? (
              <button type="button" className={button.primary} disabled={pending} onClick={() => control("reveal")}>
                Reveal the votes
              </button>
            ) : (
              <button type="button" className={button.secondary} disabled={pending} onClick={() => control("revote")}>
                Vote again
              </button>
            )}
            <button type="button" className={button.secondary} disabled={pending || q.number === 1} onClick={() => move("previous")}>
              Previous question
            </button>
            <button type="button" className={button.secondary} disabled={pending || q.number === q.total} onClick={() => move("next")}>
              Next question
            </button>
            {view.phase === "voting" && (
              <button type="button" className={button.secondary} disabled={pending} onClick={() => control(view.timerEndsAt ? "timer-off" : "timer-60")}>
                {view.timerEndsAt ? "Stop the timer" : "Start a 1-minute timer"}
              </button>
            )}
          </div>
        )}
        {error && (
          <p role="alert" className={field.error}>
            {error}
          </p>
        )}
      </section>

      {!ended && (
        <div className="grid gap-6 lg:grid-cols-2">
          <ConsensusForm key={`${q.id}-${view.revealed?.suggested ? JSON.stringify(view.revealed.suggested) : ""}`} view={view} />
          <VoteForForm workshopId={view.id} levels={q.levels} />
          <PrivateNoteForm key={q.id} workshopId={view.id} questionId={q.id} note={view.facilitator?.privateNote ?? ""} />
        </div>
      )}

      {!ended && (
        <section className={`${card} flex flex-wrap items-end gap-3`} aria-labelledby="run-heading">
          <h2 id="run-heading" className="w-full text-lg font-semibold">
            Run the workshop
          </h2>
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              move("question", String(new FormData(e.currentTarget).get("questionId")));
            }}
          >
            <div>
              <label htmlFor="jump" className={field.label}>
                Go to a question
              </label>
              <select key={q.id} id="jump" name="questionId" className={field.input} defaultValue={q.id} disabled={pending}>
                {questions.map((question) => (
                  <option key={question.id} value={question.id}>
                    {question.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={button.secondary} disabled={pending}>
              Go
            </button>
          </form>
          <button type="button" className={button.secondary} disabled={pending} onClick={() => control(view.status === "paused" ? "resume" : "pause")}>
            {view.status === "paused" ? "Resume" : "Pause"}
          </button>
          <button
            type="button"
            className={button.secondary}
            disabled={pending}
            onClick={() => {
              if (window.confirm("End the workshop? Nobody can join or vote after this.")) control("end");
            }}
          >
            End the workshop
          </button>
        </section>
      )}
    </div>
  );
}

/** Last cycle's team answer to the question on screen: for the facilitator, never the room, so it does not anchor the vote. */
function LastCycleAnswer({ on, answer, levels }: { on: string; answer: AnswerValue | null; levels: WorkshopView["question"]["levels"] }) {
  const label = answer === null ? "no answer (new in this version, or left open)" : answerLabel(levels, answer);
  return (
    <p className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-800" data-testid="last-cycle-answer">
      Last cycle&apos;s team answer ({formatDate(on)}), shown to you only: <strong>{label}</strong>
    </p>
  );
}
