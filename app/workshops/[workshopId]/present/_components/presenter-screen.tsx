"use client";

import { Countdown } from "@/components/workshop/countdown";
import { useWorkshopView } from "@/components/workshop/use-workshop-view";
import { VoteDistribution } from "@/components/workshop/vote-distribution";
import { formatJoinCode } from "@/lib/workshop/join-code";
import type { WorkshopView } from "@/lib/workshop/view";

/** The projector's screen: one question with its levels, how many have voted (never what), then the distribution. */
export function PresenterScreen({ initial, joinUrl, qr }: { initial: WorkshopView; joinUrl: string; qr: string }) {
  const { view } = useWorkshopView(initial, `/api/workshops/${initial.id}/events?as=presenter`);
  const q = view.question;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-6">
        <div className="space-y-2">
          <p className="text-lg font-semibold uppercase tracking-wide text-wood-700">
            Question {q.number} of {q.total} · {q.areaName}
          </p>
          <h1 className="text-4xl font-bold text-wood-900">{q.title}</h1>
          <p className="text-2xl font-medium">{q.prompt}</p>
        </div>
        <div className="flex items-center gap-4 rounded-lg border border-stone-200 bg-white p-3">
          <div className="h-28 w-28" role="img" aria-label={`QR code for ${joinUrl}`} dangerouslySetInnerHTML={{ __html: qr }} />
          <div>
            <p className="text-sm">Join at {joinUrl.replace(/\?.*$/, "")}</p>
            <p className="font-mono text-3xl font-bold tracking-widest">{formatJoinCode(view.joinCode)}</p>
          </div>
        </div>
      </div>
      {view.status === "ended" ? (
        <p className="text-3xl font-semibold">The workshop has ended. Thank you!</p>
      ) : view.status === "paused" ? (
        <p className="text-3xl font-semibold">Paused</p>
      ) : null}
      {view.revealed ? (
        <VoteDistribution tally={view.revealed.tally} byName={view.revealed.byName} levels={q.levels} large />
      ) : (
        <>
          <ol className="grid gap-3 text-xl lg:grid-cols-5">
            {q.levels.map((l) => (
              <li key={l.value} className="rounded-lg border border-stone-300 bg-white p-4">
                <p className="text-2xl font-bold text-wood-900">
                  {l.value} · {l.label}
                </p>
                <p className="mt-2 text-lg text-stone-800">{l.text}</p>
              </li>
            ))}
          </ol>
          <p className="text-3xl" data-testid="presenter-count" aria-live="polite">
            <strong>{view.voted}</strong> of {view.room} voted
          </p>
        </>
      )}
      <Countdown endsAt={view.timerEndsAt} className="text-3xl font-semibold text-water-700" />
    </div>
  );
}
