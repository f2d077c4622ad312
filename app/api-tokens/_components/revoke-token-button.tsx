"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { button } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { revokeApiTokenAction } from "../actions";

/** Revoking takes a second, deliberate press: a revoked token stops every tool that uses it at once. */
export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, formAction] = useActionState(revokeApiTokenAction, null);
  const [confirming, setConfirming] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  // Focus follows the choice, so a keyboard user lands on the button that answers it.
  useEffect(() => {
    if (!moved.current) return;
    if (confirming) form.current?.querySelector<HTMLButtonElement>("button[type=submit]")?.focus();
    else start.current?.focus();
  }, [confirming]);
  const choose = (value: boolean) => {
    moved.current = true;
    setConfirming(value);
  };
  if (!confirming) {
    return (
      <button ref={start} type="button" className={button.quiet} onClick={() => choose(true)}>
        Revoke<span className="sr-only"> the token “{name}”</span>
      </button>
    );
  }
  return (
    <form ref={form} action={formAction} className="flex flex-wrap items-center gap-2" aria-label={`Revoke the token “${name}”`}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <span className="text-sm text-stone-800">Tools using it stop at once.</span>
      <SubmitButton variant="secondary" pendingText="Revoking…">
        Yes, revoke<span className="sr-only"> “{name}”</span>
      </SubmitButton>
      <button type="button" className={button.quiet} onClick={() => choose(false)}>
        Cancel
      </button>
      <FormMessage state={state} />
    </form>
  );
}
