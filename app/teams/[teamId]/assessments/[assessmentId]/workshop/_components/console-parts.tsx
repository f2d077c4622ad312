"use client";

import { useState } from "react";
import { card } from "@/components/ui/styles";
import { formatDate } from "@/lib/format";
import type { WorkshopView } from "@/lib/workshop/view";
import { waitingText } from "@/lib/workshop/waiting";

/** A card with less padding: the console's panels share one laptop screen. */
export const panel = card.replace("p-5", "p-4");

export type JoinDetails = { url: string; qr: string; code: string; localOnly: string | null };

/**
 * How the room joins: open while nobody has, folded to one line (the code stays readable) once
 * someone has, so the controls fit the screen. Opened again by hand, it stays open.
 */
export function JoinPanel({ join, room }: { join: JoinDetails; room: number }) {
  const joined = room > 0;
  const [open, setOpen] = useState(!joined);
  const [wasJoined, setWasJoined] = useState(joined);
  if (joined !== wasJoined) {
    setWasJoined(joined);
    if (joined) setOpen(false);
  }
  return (
    <details
      className="w-full rounded-lg border border-stone-200 bg-white shadow-sm md:w-auto md:min-w-0 md:flex-1"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid="join-panel"
    >
      <summary className="cursor-pointer px-4 py-2 font-semibold">
        Join on your phone: <span className="font-mono tracking-widest text-wood-900">{join.code}</span>
        <span className="font-normal text-stone-600"> · {room === 1 ? "1 in the room" : `${room} in the room`}</span>
      </summary>
      <div className="flex flex-wrap items-center gap-6 border-t border-stone-200 p-4">
        <div className="h-36 w-36 shrink-0" role="img" aria-label={`QR code for ${join.url}`} dangerouslySetInnerHTML={{ __html: join.qr }} />
        <div className="space-y-2">
          <p>
            Open <strong>{join.url.replace(/\?.*$/, "")}</strong> and enter
          </p>
          {join.localOnly && <p className="text-sm font-medium text-weak-700">{join.localOnly}</p>}
          <p className="font-mono text-3xl font-bold tracking-widest text-wood-900" data-testid="join-code">
            {join.code}
          </p>
        </div>
      </div>
    </details>
  );
}

/** Who the room is waiting for: by name where the facilitator may know, by number where the workshop is anonymous. */
export function WaitingLine({ view }: { view: WorkshopView }) {
  const text = waitingText(view);
  return (
    text && (
      <p className="text-sm text-stone-700" data-testid="waiting">
        {text}
      </p>
    )
  );
}

/** Last cycle's team answer to the question on screen: for the facilitator, never the room, so it does not anchor the vote. */
export function LastCycleAnswer({ on, label }: { on: string; label: string }) {
  return (
    <p className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-800" data-testid="last-cycle-answer">
      Last cycle&apos;s team answer ({formatDate(on)}), shown to you only: <strong>{label}</strong>
    </p>
  );
}
