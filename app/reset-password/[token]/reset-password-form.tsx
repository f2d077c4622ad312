"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { IntentLink } from "@/components/ui/intent-link";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { PASSWORD_MIN } from "@/lib/validation/limits";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useActionState(resetPasswordAction, null);
  const linkRefused = state && !state.ok && !state.fieldErrors?.newPassword && !state.fieldErrors?.confirmPassword;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        state={state}
      />
      <TextField name="confirmPassword" label="New password again" type="password" autoComplete="new-password" state={state} />
      <FormMessage state={state} />
      {linkRefused && (
        <p>
          <IntentLink href="/forgot-password" className="font-medium text-wood-700 underline">
            Ask for a new link
          </IntentLink>
        </p>
      )}
      <SubmitButton pendingText="Saving…">Set the new password</SubmitButton>
    </form>
  );
}
