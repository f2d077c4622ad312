"use client";

import { useEffect, useRef, useState } from "react";
import { button, field } from "./styles";

/** A secret shown this once (a token, a signing secret): focused so it is read out and ready to copy. */
export function ShownOnce({ id, label, hint, value, copyLabel }: { id: string; label: string; hint: string; value: string; copyLabel: string }) {
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <div className="space-y-2 rounded-md border border-water-500 bg-water-300/15 p-3">
      <label htmlFor={id} className={field.label}>
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm font-medium text-stone-800">
        {hint}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={input}
          id={id}
          readOnly
          value={value}
          aria-describedby={`${id}-hint`}
          className={`${field.input} font-mono text-sm`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className={button.secondary}
          onClick={async () => {
            await navigator.clipboard?.writeText(value).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : copyLabel}
        </button>
      </div>
      <p role="status" className="sr-only">
        {copied ? "Copied to the clipboard." : ""}
      </p>
    </div>
  );
}
