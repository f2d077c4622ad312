"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { RESPONDENT_MODES, respondentModeLabels } from "@/lib/respondents";
import { startAssessmentAction } from "../actions";

/** Starts an assessment (choosing how the team answers it), or continues the open one. */
export function StartAssessmentForm({ teamId, modelId, resume }: { teamId: string; modelId: string; resume: boolean }) {
  const [state, formAction] = useActionState(startAssessmentAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="modelId" value={modelId} />
      {!resume && (
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium text-stone-800">How does the team answer?</legend>
          {RESPONDENT_MODES.map((mode) => (
            <label key={mode} className="flex items-start gap-2">
              <input type="radio" name="respondents" value={mode} defaultChecked={mode === "shared"} className="mt-1" />
              <span>{respondentModeLabels[mode]}</span>
            </label>
          ))}
        </fieldset>
      )}
      <SubmitButton pendingText="Opening…">{resume ? "Continue the open assessment" : "Start an assessment"}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
