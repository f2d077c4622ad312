"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A link that prefetches its page only once someone shows they may follow it (pointer over it,
 * keyboard focus, a touch), instead of the moment it scrolls into view: a list of twenty teams
 * should not cost the server twenty page renders per visit.
 */
export function IntentLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  const [intent, setIntent] = useState(false);
  const show = () => setIntent(true);
  return (
    <Link
      {...props}
      prefetch={intent ? null : false}
      onMouseEnter={(e) => {
        show();
        props.onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        show();
        props.onFocus?.(e);
      }}
      onTouchStart={(e) => {
        show();
        props.onTouchStart?.(e);
      }}
    />
  );
}
