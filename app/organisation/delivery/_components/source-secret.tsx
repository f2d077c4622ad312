"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { ShownOnce } from "@/components/ui/shown-once";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SignedSource } from "@/lib/delivery/events";
import { renewDeliverySourceAction } from "../actions";

/** Sets a source's signing secret (a new one replaces the old at once), shown this once. */
export function SourceSecret({ kind, label, exists }: { kind: SignedSource; label: string; exists: boolean }) {
  const [state, formAction] = useActionState(renewDeliverySourceAction, null);
  return (
    <div className="space-y-2">
      <form action={formAction}>
        <input type="hidden" name="kind" value={kind} />
        <SubmitButton variant="secondary" pendingText="Setting…">
          {exists ? "Replace the signing secret" : "Create the address and its secret"}
          <span className="sr-only"> for {label}</span>
        </SubmitButton>
      </form>
      <FormMessage state={state} />
      {state?.ok && (
        <ShownOnce
          key={state.data.secret}
          id={`secret-${kind}`}
          label={`The signing secret for ${label}`}
          hint="Paste it into the webhook's secret now: you will not see it again. Deliveries signed with an earlier secret are refused from now on."
          value={state.data.secret}
          copyLabel="Copy secret"
        />
      )}
    </div>
  );
}
