"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/components/ui/styles";
import { VALIDITY_CHOICES, validityText } from "@/lib/evidence/validity";
import { setEvidenceDefaultAction } from "../actions";

/** Owners and admins choose how long evidence holds when a question does not say. */
export function EvidenceDefaultForm({ validFor }: { validFor: string }) {
  const [state, formAction] = useActionState(setEvidenceDefaultAction, null);
  const current = state?.ok ? state.data.validFor : validFor;
  const error = state && !state.ok ? state.fieldErrors?.validFor?.[0] : undefined;
  const choices = [...new Set([...VALIDITY_CHOICES, current])];
  return (
    <form key={current} action={formAction} className="space-y-3" noValidate>
      <div>
        <label htmlFor="field-validFor" className={field.label}>
          Evidence holds for
        </label>
        <select
          id="field-validFor"
          name="validFor"
          defaultValue={current}
          className={`${field.input} max-w-xs`}
          aria-invalid={error ? true : undefined}
          aria-describedby="field-validFor-message"
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {validityText(choice)}
            </option>
          ))}
        </select>
        <p id="field-validFor-message" className={error ? field.error : "sr-only"}>
          {error ?? ""}
        </p>
      </div>
      <FormMessage state={state} />
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          Saved. New evidence holds for {validityText(current)} unless its question says otherwise; evidence already given keeps its own.
        </p>
      )}
      <SubmitButton pendingText="Saving…">Save how long evidence holds</SubmitButton>
    </form>
  );
}
