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
  const left = endsAt ? Math.max(0, Math.ceil((Date.parse(endsAt) - now) / 1000)) : null;
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
