"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { ORGANISATION_NAME_MAX } from "@/lib/validation/organisation";
import { setUpDemo, setUpOrganisation } from "./actions";

export function SetupForm() {
  const [state, formAction] = useActionState(setUpOrganisation, null);
  const nameError = state && !state.ok ? state.fieldErrors?.name?.[0] : undefined;
  return (
    <form action={formAction} className="mt-3 space-y-4" noValidate>
      <div>
        <label htmlFor="organisation-name" className={field.label}>
          Organisation name
        </label>
        <input
          id="organisation-name"
          name="name"
          required
          maxLength={ORGANISATION_NAME_MAX}
          autoComplete="organization"
          className={field.input}
          aria-invalid={nameError ? true : undefined}
          aria-describedby="organisation-name-error"
        />
      </div>
      <FormMessage state={state} id="organisation-name-error" />
      <SubmitButton pendingText="Setting up…">Set up Stave</SubmitButton>
    </form>
  );
}

export function DemoForm() {
  const [state, formAction] = useActionState(setUpDemo, null);
  return (
    <form action={formAction} className="mt-3 space-y-2">
      <SubmitButton variant="secondary" pendingText="Creating demo data…">
        Explore with demo data
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
