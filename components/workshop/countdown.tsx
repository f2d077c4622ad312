"use client";

import { useEffect, useState } from "react";
import { serverNow } from "./server-clock";

/** Seconds left until `endsAt`, ticking; announced only when it runs out. */
export function Countdown({ endsAt, className }: { endsAt: string | null; className?: string }) {
  // The time read belongs to one `endsAt`: a timer that starts is counted from a fresh reading,
  // never from the last one taken (which could be minutes old), so it never flashes a wrong time.
  const [clock, setClock] = useState(() => ({ endsAt, now: serverNow() }));
  if (clock.endsAt !== endsAt) setClock({ endsAt, now: serverNow() });
  useEffect(() => {
    if (!endsAt) return;
    const tick = setInterval(() => setClock({ endsAt, now: serverNow() }), 250);
    return () => clearInterval(tick);
  }, [endsAt]);
  const left = endsAt && clock.endsAt === endsAt ? Math.max(0, Math.ceil((Date.parse(endsAt) - clock.now) / 1000)) : null;
  return (
    <div className={className}>
      {left !== null && (
        <p data-testid="countdown" aria-hidden="true">
          {left > 0 ? `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")} left` : "Time is up"}
        </p>
      )}
      {/* Always in the page, so the moment it fills is announced. */}
      <p role="status" className="sr-only">
        {left === 0 ? "Time is up" : ""}
      </p>
    </div>
  );
}
