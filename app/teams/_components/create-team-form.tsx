"use client";

import { useActionState, useEffect, useRef } from "react";
import { field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { TEAM_NAME_MAX } from "@/lib/validation/limits";
import { createTeamAction } from "../actions";

export function CreateTeamForm() {
  const [state, formAction] = useActionState(createTeamAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const error = state && !state.ok ? (state.fieldErrors?.name?.[0] ?? state.error) : undefined;
  return (
    <form ref={formRef} action={formAction} className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
      <div className="flex-1">
        <label htmlFor="team-name" className={field.label}>
          Team name
        </label>
        <input
          id="team-name"
          name="name"
          required
          maxLength={TEAM_NAME_MAX}
          defaultValue={state && !state.ok ? state.values?.name : undefined}
          className={field.input}
          aria-invalid={error ? true : undefined}
          aria-describedby="team-name-message"
        />
        <p id="team-name-message" role="status" aria-live="polite" className={error ? field.error : "sr-only"}>
          {error ?? (state?.ok ? `Team “${state.data.name}” created.` : "")}
        </p>
      </div>
      <div className="sm:pb-6">
        <SubmitButton pendingText="Creating…">Create team</SubmitButton>
      </div>
    </form>
  );
}
