"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { ShownOnce } from "@/components/ui/shown-once";
import { button } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatDateTime } from "@/lib/format";
import { removeWebhookEndpointAction, replaceWebhookSecretAction, setWebhookEndpointEnabledAction } from "../actions";

/** Pause or resume, replace the secret (the new one shown once), and remove (after a second press). */
export function EndpointControls({ endpointId, url, enabled }: { endpointId: string; url: string; enabled: boolean }) {
  const [toggled, toggle] = useActionState(setWebhookEndpointEnabledAction, null);
  const [replaced, replace] = useActionState(replaceWebhookSecretAction, null);
  const [removed, remove] = useActionState(removeWebhookEndpointAction, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <form action={toggle}>
          <input type="hidden" name="endpointId" value={endpointId} />
          <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
          <SubmitButton variant="secondary" pendingText={enabled ? "Pausing…" : "Resuming…"}>
            {enabled ? "Pause" : "Resume"}
            <span className="sr-only"> {url}</span>
          </SubmitButton>
        </form>
        <form action={replace}>
          <input type="hidden" name="endpointId" value={endpointId} />
          <SubmitButton variant="secondary" pendingText="Replacing…">
            Replace secret<span className="sr-only"> of {url}</span>
          </SubmitButton>
        </form>
        {confirming ? (
          <form action={remove} className="flex flex-wrap items-center gap-2" aria-label={`Remove ${url}`}>
            <input type="hidden" name="endpointId" value={endpointId} />
            <span className="text-sm text-stone-800">Its delivery log goes too.</span>
            <SubmitButton variant="secondary" pendingText="Removing…">
              Yes, remove<span className="sr-only"> {url}</span>
            </SubmitButton>
            <button type="button" className={button.quiet} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <button type="button" className={button.quiet} onClick={() => setConfirming(true)}>
            Remove<span className="sr-only"> {url}</span>
          </button>
        )}
      </div>
      <FormMessage state={toggled} />
      <FormMessage state={removed} />
      <FormMessage state={replaced} />
      {replaced?.ok && (
        <ShownOnce
          key={replaced.data.secret}
          id={`secret-${endpointId}`}
          label={`The new signing secret of ${url}`}
          hint={`Give it to the receiver. Until ${formatDateTime(replaced.data.previousUntil)} each delivery is signed with the old secret too, so nothing is missed while the receiver changes.`}
          value={replaced.data.secret}
          copyLabel="Copy secret"
        />
      )}
    </div>
  );
}
