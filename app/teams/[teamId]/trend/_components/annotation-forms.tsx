"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { button } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { ANNOTATION_MAX } from "@/lib/validation/limits";
import { addAnnotationAction, removeAnnotationAction } from "../actions";

/** Adds a dated note to the trend ("moved to Kubernetes", "reorg"). */
export function AddAnnotationForm({ teamId, today }: { teamId: string; today: string }) {
  const [state, action] = useActionState(addAnnotationAction, null);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <TextField name="on" label="Date" type="date" state={state} defaultValue={today} />
        <TextField
          name="text"
          label="What happened"
          state={state}
          maxLength={ANNOTATION_MAX}
          hint={`Up to ${ANNOTATION_MAX} characters, e.g. “moved to Kubernetes”.`}
        />
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton variant="secondary" pendingText="Adding…">
          Add the note
        </SubmitButton>
        {state?.ok && (
          <p role="status" className="text-sm font-medium text-green-800">
            Note added.
          </p>
        )}
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** Removes one note; the button names it for screen readers. */
export function RemoveAnnotationButton({ annotationId, text }: { annotationId: string; text: string }) {
  const [state, action, pending] = useActionState(removeAnnotationAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="annotationId" value={annotationId} />
      <button type="submit" className={button.quiet} disabled={pending}>
        Remove<span className="sr-only"> the note “{text}”</span>
      </button>
      {state && !state.ok && (
        <span role="alert" className="text-sm text-red-700">
          {state.error}
        </span>
      )}
    </form>
  );
}
