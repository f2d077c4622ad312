"use client";

import { useState, type ReactNode } from "react";

/**
 * Text that is always shown on a wider screen and folds away on a phone behind a button that
 * says what it holds, so a phone shows the question and its levels first.
 */
export function PhoneFold({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button
        type="button"
        className="py-1 text-sm font-medium text-wood-700 underline underline-offset-2 sm:hidden"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      <div id={id} className={open ? undefined : "max-sm:hidden"}>
        {children}
      </div>
    </div>
  );
}
