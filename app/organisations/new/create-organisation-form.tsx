"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { ORGANISATION_NAME_MAX } from "@/lib/validation/limits";
import { createOrganisationAction } from "./actions";

export function CreateOrganisationForm() {
  const [state, formAction] = useActionState(createOrganisationAction, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <TextField name="name" label="Organisation name" autoComplete="organization" maxLength={ORGANISATION_NAME_MAX} state={state} />
      <FormMessage state={state} />
      <SubmitButton pendingText="Creating…">Create organisation</SubmitButton>
    </form>
  );
}
