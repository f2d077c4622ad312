"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { requestPasswordResetAction } from "./actions";

export function RequestResetForm() {
  const [state, formAction] = useActionState(requestPasswordResetAction, null);
  if (state?.ok) {
    return (
      <p role="status" className="text-stone-800">
        If an account exists for <strong className="break-all">{state.data.email}</strong>, we sent a link to choose a new password. It works once, for one
        hour. No mail? Check the spam folder, or ask again in a few minutes.
      </p>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <TextField name="email" label="Email" type="email" autoComplete="email" state={state} />
      <FormMessage state={state} />
      <SubmitButton pendingText="Sending…">Send a reset link</SubmitButton>
    </form>
  );
}
