"use client";

import { useState, useTransition } from "react";
import { button, card, field } from "@/components/ui/styles";
import { Countdown } from "@/components/workshop/countdown";
import { useWorkshopView } from "@/components/workshop/use-workshop-view";
import { VoteDistribution } from "@/components/workshop/vote-distribution";
import type { WorkshopView } from "@/lib/workshop/view";
import { workshopControlAction, workshopMoveAction } from "../actions";
import { AgreeNextBottleneck } from "./agree-next-bottleneck";
import { JoinPanel, LastCycleAnswer, panel, WaitingLine, type JoinDetails } from "./console-parts";
import { ConsensusForm, PrivateNoteForm, VoteForForm } from "./facilitator-forms";
import { RunForm } from "./run-form";

type Props = { initial: WorkshopView; questions: { id: string; label: string }[]; join: JoinDetails };

/**
 * The facilitator's console, made to fit one laptop screen: on the left where the room is (the
 * question, who has voted, the distribution), on the right what to do next (reveal, move on, the
 * timer, the team answer), from 1280 px up; one column below.
 */
export function FacilitatorConsole({ initial, questions, join }: Props) {
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
    // Sections (the ended notice, the question) stay in the left column; the controls take the right.
    <div className={`grid items-start gap-4 ${ended ? "" : "xl:grid-cols-[minmax(0,1fr)_26rem] xl:[&>section]:col-start-1"}`}>
      <div className="flex flex-wrap items-start gap-2 xl:col-span-2">
        {!ended && <JoinPanel join={join} room={view.room} />}
        <a className={button.secondary} href={`/workshops/${view.id}/present`} target="_blank" rel="noopener">
          Open the presenter view<span className="sr-only"> (opens in a new tab)</span>
        </a>
        <a className={button.secondary} href={`/workshops/${view.id}/report`}>
          Workshop report
        </a>
      </div>
      <p
        className={`rounded-md px-3 py-1.5 text-sm font-medium xl:col-span-2 ${live ? "bg-stone-100 text-stone-700" : "bg-amber-200 text-stone-900"}`}
        role="status"
        data-testid="console-status"
      >
        {live ? "Live" : "Reconnecting… the count may be behind"} ·{" "}
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
        <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1">
          <p className={`text-2xl ${live ? "" : "opacity-50"}`} data-testid="voted-count">
            <strong>{view.voted}</strong> of {view.room} voted
          </p>
          <Countdown endsAt={view.timerEndsAt} className="text-2xl font-semibold tabular-nums text-water-700" />
        </div>
        <WaitingLine view={view} />
        {view.facilitator?.lastCycle && <LastCycleAnswer {...view.facilitator.lastCycle} />}
        {view.revealed && <VoteDistribution tally={view.revealed.tally} byName={view.revealed.byName} levels={q.levels} />}
      </section>

      {!ended && (
        <div className="space-y-4 xl:col-start-2 xl:row-span-2 xl:row-start-3">
          <div className={`${panel} space-y-2`} role="group" aria-label="Controls">
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
              {view.phase === "voting" && (
                <button type="button" className={button.secondary} disabled={pending} onClick={() => control(view.timerEndsAt ? "timer-off" : "timer-60")}>
                  {view.timerEndsAt ? "Stop the timer" : "Start a 1-minute timer"}
                </button>
              )}
            </div>
            <div className="flex flex-wrap gap-2">
              <button type="button" className={button.secondary} disabled={pending || q.number === 1} onClick={() => move("previous")}>
                <span aria-hidden="true">←</span> Previous question
              </button>
              <button type="button" className={button.secondary} disabled={pending || q.number === q.total} onClick={() => move("next")}>
                Next question <span aria-hidden="true">→</span>
              </button>
            </div>
            {error && (
              <p role="alert" className={field.error}>
                {error}
              </p>
            )}
          </div>
          {/* Keyed by the question only: a note typed as the votes are revealed stays (the suggested level updates its own select). */}
          <ConsensusForm key={`consensus-${q.id}`} view={view} />
          <VoteForForm workshopId={view.id} levels={q.levels} votedFor={view.facilitator?.votedFor ?? []} />
          <PrivateNoteForm key={`note-${q.id}`} workshopId={view.id} questionId={q.id} note={view.facilitator?.privateNote ?? ""} />
          <RunForm questions={questions} current={q.id} paused={view.status === "paused"} pending={pending} move={move} control={control} />
        </div>
      )}
    </div>
  );
}
