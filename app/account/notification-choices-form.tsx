"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { NotificationKind } from "@/lib/notifications";
import { saveNotificationChoicesAction } from "./actions";

type Choice = { kind: NotificationKind; label: string; hint: string; enabled: boolean };

/** One checkbox per kind of reminder; saved together. */
export function NotificationChoicesForm({ choices }: { choices: Choice[] }) {
  const [state, formAction] = useActionState(saveNotificationChoicesAction, null);
  return (
    <form action={formAction} className="mt-3 space-y-4">
      <fieldset>
        <legend className="sr-only">Reminders to get</legend>
        <ul className="space-y-3">
          {choices.map((c) => (
            <li key={c.kind}>
              <input type="hidden" name="offered" value={c.kind} />
              <div className="flex items-start gap-3">
                <input
                  id={`reminder-${c.kind}`}
                  type="checkbox"
                  name="on"
                  value={c.kind}
                  defaultChecked={c.enabled}
                  aria-describedby={`reminder-${c.kind}-hint`}
                  className="mt-1 h-4 w-4 shrink-0 accent-wood-700"
                />
                <div>
                  <label htmlFor={`reminder-${c.kind}`} className="cursor-pointer font-medium text-stone-900">
                    {c.label}
                  </label>
                  <p id={`reminder-${c.kind}-hint`} className="text-sm text-stone-700">
                    {c.hint}
                  </p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </fieldset>
      <FormMessage state={state} />
      {state?.ok && (
        <p role="status" className="text-sm font-medium text-emerald-700">
          Your reminder choices are saved.
        </p>
      )}
      <SubmitButton pendingText="Saving…">Save reminder choices</SubmitButton>
    </form>
  );
}
