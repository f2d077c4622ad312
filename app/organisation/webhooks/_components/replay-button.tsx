"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { replayWebhookDeliveryAction } from "../actions";

/** Sends a delivery again, once, as it was: the same id and body, signed anew. */
export function ReplayButton({ deliveryId }: { deliveryId: string }) {
  const [state, formAction] = useActionState(replayWebhookDeliveryAction, null);
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <SubmitButton variant="secondary" pendingText="Sending…">
        Send again
      </SubmitButton>
      {state?.ok ? (
        <p role="status" className="text-sm text-stone-700">
          Queued: reload in a moment to see the answer.
        </p>
      ) : (
        <FormMessage state={state} />
      )}
    </form>
  );
}
