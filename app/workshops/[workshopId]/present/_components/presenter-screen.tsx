"use client";

import { useWorkshopView } from "@/components/workshop/use-workshop-view";
import { VoteDistribution, voteText } from "@/components/workshop/vote-distribution";
import { formatJoinCode } from "@/lib/workshop/join-code";
import type { WorkshopView } from "@/lib/workshop/view";
import { JoinCard, LevelCards, StatusStrip } from "./presenter-parts";

/**
 * The projector's screen, the whole of it: one question with its levels, then the distribution;
 * along the bottom how many have voted (never what), the time left and the join code. The QR is
 * large while the room is empty and shrinks into the strip once people have joined.
 */
export function PresenterScreen({ initial, joinUrl, qr }: { initial: WorkshopView; joinUrl: string; qr: string }) {
  const { view, live } = useWorkshopView(initial, `/api/workshops/${initial.id}/events?as=presenter`);
  const q = view.question;
  const agreed = view.consensus && voteText(view.consensus, q.levels);
  return (
    <div className="flex min-h-dvh flex-col bg-stone-50 text-stone-900">
      <div role="status">
        {!live && (
          <p className="bg-amber-300 px-8 py-2 text-2xl font-bold text-stone-900 2xl:px-12 2xl:text-4xl" data-testid="presenter-reconnecting">
            Reconnecting… the count may be behind
          </p>
        )}
      </div>
      <div className="flex flex-1 gap-8 px-8 py-5 2xl:gap-12 2xl:px-12 2xl:py-10">
        <div className="flex min-w-0 flex-1 flex-col gap-4 2xl:gap-8">
          <div className="space-y-1 2xl:space-y-3">
            <p className="text-lg font-semibold uppercase tracking-wide text-wood-700 2xl:text-2xl">
              Question {q.number} of {q.total} · {q.areaName}
            </p>
            <h1 className="text-4xl font-bold leading-tight text-wood-900 2xl:text-7xl">{q.title}</h1>
            <p className="text-2xl font-medium leading-snug 2xl:text-4xl">{q.prompt}</p>
          </div>
          {view.status === "ended" && <p className="text-4xl font-semibold 2xl:text-6xl">The workshop has ended. Thank you!</p>}
          {view.revealed ? (
            <div className="max-w-[120rem] space-y-4">
              <VoteDistribution tally={view.revealed.tally} byName={view.revealed.byName} levels={q.levels} large />
              {agreed && (
                <p className="text-3xl font-semibold text-green-800 2xl:text-5xl" data-testid="presenter-consensus">
                  Agreed: {agreed}
                </p>
              )}
            </div>
          ) : (
            view.status !== "ended" && <LevelCards levels={q.levels} />
          )}
        </div>
        {view.room === 0 && view.status !== "ended" && <JoinCard joinUrl={joinUrl} qr={qr} code={formatJoinCode(view.joinCode)} />}
      </div>
      <StatusStrip view={view} live={live} joinUrl={joinUrl} qr={qr} />
    </div>
  );
}
