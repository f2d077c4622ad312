"use client";

import { button } from "@/components/ui/styles";

/** Shown when a page fails on the server; the details stay in the server's log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-12 text-center">
      <h1 className="text-2xl font-bold text-wood-900">Something went wrong</h1>
      <p className="text-stone-700">This page could not be shown. Nothing you saved is lost; please try again.</p>
      <button type="button" className={button.primary} onClick={reset}>
        Try again
      </button>
    </div>
  );
}
