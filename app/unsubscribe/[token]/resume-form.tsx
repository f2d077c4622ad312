"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { resumeReminderAction } from "./actions";

export function ResumeForm({ token }: { token: string }) {
  const [state, formAction] = useActionState(resumeReminderAction, null);
  if (state?.ok) {
    return (
      <p role="status" className="font-medium text-emerald-700">
        {state.data.label} reminders are on again.
      </p>
    );
  }
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="token" value={token} />
      <SubmitButton variant="secondary" pendingText="Turning them on…">
        Turn them back on
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
