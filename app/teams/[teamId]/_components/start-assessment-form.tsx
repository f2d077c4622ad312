"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { startAssessmentAction } from "../actions";

export function StartAssessmentForm({ teamId, modelId, label }: { teamId: string; modelId: string; label: string }) {
  const [state, formAction] = useActionState(startAssessmentAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="modelId" value={modelId} />
      <SubmitButton pendingText="Opening…">{label}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
