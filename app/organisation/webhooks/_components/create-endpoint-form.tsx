"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { ShownOnce } from "@/components/ui/shown-once";
import { field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { WEBHOOK_DESCRIPTION_MAX, WEBHOOK_URL_MAX } from "@/lib/validation/limits";
import type { WebhooksView } from "@/views/webhooks";
import { createWebhookEndpointAction } from "../actions";

const formats = [
  { value: "standard", name: "Standard Webhooks JSON", hint: "The event and its data as JSON, signed: for your own services and automation tools." },
  { value: "slack", name: "Slack-compatible text", hint: "A sentence with a link, for an incoming webhook of Slack, Mattermost or Teams workflows." },
] as const;

export function CreateEndpointForm({ events }: { events: WebhooksView["events"] }) {
  const [state, formAction] = useActionState(createWebhookEndpointAction, null);
  const failed = state && !state.ok ? state : undefined;
  const eventsError = failed?.fieldErrors?.events?.[0];
  const formatError = failed?.fieldErrors?.format?.[0];
  const chosen = failed?.values?.events;
  const isChosen = (event: string) => (chosen === undefined ? event === "assessment.submitted" : ([] as unknown[]).concat(chosen).includes(event));
  return (
    <div className="mt-3 space-y-4">
      <form action={formAction} className="space-y-4">
        <div className="max-w-xl space-y-4">
          <TextField
            name="url"
            id="webhook-url"
            label="Endpoint address"
            type="url"
            state={state}
            maxLength={WEBHOOK_URL_MAX}
            hint="An https:// address on the internet; Stave posts each event there."
          />
          <TextField name="description" id="webhook-description" label="Description (optional)" state={state} maxLength={WEBHOOK_DESCRIPTION_MAX} />
        </div>
        <fieldset aria-describedby="webhook-events-message">
          <legend className={field.label}>Events</legend>
          <div className="mt-1 space-y-2">
            {events.map(({ event, name, when }) => (
              <label key={event} className="flex min-h-11 items-start gap-3 sm:min-h-0">
                <input type="checkbox" name="events" value={event} defaultChecked={isChosen(event)} className="mt-1 size-5 shrink-0 sm:size-4" />
                <span>
                  <span className="font-medium">{name}</span> <span className="text-stone-700">· when {when}</span>
                </span>
              </label>
            ))}
          </div>
          <p id="webhook-events-message" className={eventsError ? field.error : "sr-only"}>
            {eventsError ?? ""}
          </p>
        </fieldset>
        <fieldset aria-describedby="webhook-format-message">
          <legend className={field.label}>Written as</legend>
          <div className="mt-1 space-y-2">
            {formats.map(({ value, name, hint }) => (
              <label key={value} className="flex min-h-11 items-start gap-3 sm:min-h-0">
                <input
                  type="radio"
                  name="format"
                  value={value}
                  defaultChecked={(failed?.values?.format ?? "standard") === value}
                  className="mt-1 size-5 shrink-0 sm:size-4"
                />
                <span>
                  <span className="font-medium">{name}</span> <span className="text-stone-700">· {hint}</span>
                </span>
              </label>
            ))}
          </div>
          <p id="webhook-format-message" className={formatError ? field.error : "sr-only"}>
            {formatError ?? ""}
          </p>
        </fieldset>
        <SubmitButton pendingText="Adding endpoint…">Add endpoint</SubmitButton>
      </form>
      <FormMessage state={state} />
      {state?.ok && (
        <ShownOnce
          key={state.data.secret}
          id="new-webhook-secret"
          label={`The signing secret of ${state.data.url}`}
          hint="Give it to the receiver now: it verifies each delivery's webhook-signature header with it (any Standard Webhooks library does). You will not see it again here; replace it if it is lost."
          value={state.data.secret}
          copyLabel="Copy secret"
        />
      )}
    </div>
  );
}
