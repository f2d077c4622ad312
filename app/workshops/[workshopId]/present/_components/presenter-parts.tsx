import { Countdown } from "@/components/workshop/countdown";
import { formatJoinCode } from "@/lib/workshop/join-code";
import type { WorkshopView } from "@/lib/workshop/view";

// The pieces of the projector's screen. Sizes step up at 2xl (a 1920 px projector) from what fits
// a 1280×720 one, where everything that matters during a vote shows without scrolling.

/** The join address as people type it: no scheme, no query. */
export const joinAddress = (joinUrl: string) => joinUrl.replace(/\?.*$/, "").replace(/^https?:\/\//, "");

type Levels = WorkshopView["question"]["levels"];

/** The levels of the question side by side: each headline in full, its descriptor clamped to what fits. */
export function LevelCards({ levels }: { levels: Levels }) {
  return (
    <ol
      className="grid gap-3 md:grid-cols-[repeat(var(--levels),minmax(0,1fr))] 2xl:gap-5"
      style={{ "--levels": levels.length } as React.CSSProperties}
      aria-label="Levels"
    >
      {levels.map((l) => (
        <li key={l.value} className="flex flex-col gap-1.5 rounded-xl border-2 border-stone-300 bg-white p-3 2xl:gap-3 2xl:p-5">
          <p className="text-2xl font-bold text-wood-900 2xl:text-4xl">
            {l.value} · {l.label}
          </p>
          <p className="text-xl font-semibold leading-snug text-stone-900 2xl:text-3xl">{l.headline}</p>
          {l.text !== l.headline && <p className="line-clamp-5 text-lg leading-snug text-stone-700 2xl:text-2xl">{l.text}</p>}
        </li>
      ))}
    </ol>
  );
}

/** While the room is empty: the code and a QR large enough to scan from the back. */
export function JoinCard({ joinUrl, qr, code }: { joinUrl: string; qr: string; code: string }) {
  return (
    <aside
      className="flex w-64 shrink-0 flex-col items-center gap-2 rounded-xl border-2 border-wood-300 bg-wood-50 p-4 text-center 2xl:w-96"
      aria-labelledby="join-heading"
    >
      <h2 id="join-heading" className="text-2xl font-bold text-wood-900 2xl:text-4xl">
        Join on your phone
      </h2>
      <div
        className="aspect-square w-full bg-white [&>svg]:h-full [&>svg]:w-full"
        role="img"
        aria-label={`QR code for ${joinUrl}`}
        dangerouslySetInnerHTML={{ __html: qr }}
      />
      <p className="text-lg 2xl:text-2xl">{joinAddress(joinUrl)}</p>
      <p className="font-mono text-3xl font-bold tracking-widest text-wood-900 2xl:text-5xl">{code}</p>
    </aside>
  );
}

type StripProps = { view: WorkshopView; live: boolean; joinUrl: string; qr: string };

/**
 * Always on screen, along the bottom: how many have voted, the time left and how to join. When
 * the connection is lost the count is dimmed and says it may be behind: it is no longer the room's.
 */
export function StatusStrip({ view, live, joinUrl, qr }: StripProps) {
  return (
    <div className="sticky bottom-0 flex flex-wrap items-center gap-x-10 gap-y-2 border-t-4 border-wood-700 bg-stone-900 px-8 py-3 text-white 2xl:px-12 2xl:py-5">
      <div className={live ? "" : "opacity-60"}>
        <p className="text-4xl font-semibold tabular-nums 2xl:text-6xl" data-testid="presenter-count" aria-live="polite">
          <strong>{view.voted}</strong> of {view.room} voted
        </p>
        {!live && <p className="text-lg text-amber-200 2xl:text-2xl">may be behind</p>}
      </div>
      {view.status === "paused" && <p className="rounded-lg bg-amber-300 px-4 py-1 text-4xl font-bold text-stone-900 2xl:text-6xl">Paused</p>}
      <Countdown endsAt={view.timerEndsAt} className="text-4xl font-bold tabular-nums text-water-300 2xl:text-6xl" />
      <div className="ml-auto flex items-center gap-4">
        {view.room > 0 && (
          <div
            className="h-20 w-20 shrink-0 bg-white [&>svg]:h-full [&>svg]:w-full 2xl:h-28 2xl:w-28"
            role="img"
            aria-label={`QR code for ${joinUrl}`}
            dangerouslySetInnerHTML={{ __html: qr }}
          />
        )}
        <div className="text-right">
          <p className="text-lg text-stone-200 2xl:text-2xl">Join at {joinAddress(joinUrl)}</p>
          <p className="font-mono text-4xl font-bold tracking-widest 2xl:text-6xl" data-testid="presenter-join-code">
            {formatJoinCode(view.joinCode)}
          </p>
        </div>
      </div>
    </div>
  );
}
