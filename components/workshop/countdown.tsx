"use client";

import { useEffect, useState } from "react";

/** Seconds left until `endsAt`, ticking; announced only when it runs out. */
export function Countdown({ endsAt, className }: { endsAt: string | null; className?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!endsAt) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [endsAt]);
  if (!endsAt) return null;
  const left = Math.max(0, Math.ceil((Date.parse(endsAt) - now) / 1000));
  return (
    <p className={className} data-testid="countdown">
      <span aria-hidden={left > 0}>{left > 0 ? `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")} left` : "Time is up"}</span>
      {left === 0 && <span role="status" className="sr-only">Time is up</span>}
    </p>
  );
}
