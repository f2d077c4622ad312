"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { RESPONDENT_MODES, respondentModeLabels } from "@/lib/respondents";
import { startAssessmentAction } from "../actions";

type Props = {
  teamId: string;
  /** Every model the team may use, at its newest version. */
  models: { modelId: string; name: string; version: string }[];
  /** Chosen at first: the team's last model, else Core. */
  modelId: string;
  resume: boolean;
};

/** Starts an assessment (choosing the model and how the team answers it), or continues the open one. */
export function StartAssessmentForm({ teamId, models, modelId, resume }: Props) {
  const [state, formAction] = useActionState(startAssessmentAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="teamId" value={teamId} />
      {resume || models.length < 2 ? (
        <input type="hidden" name="modelId" value={modelId} />
      ) : (
        <div className="text-sm">
          <label htmlFor={`${teamId}-model`} className="font-medium text-stone-800">
            Model
          </label>
          <select id={`${teamId}-model`} name="modelId" defaultValue={modelId} className="mt-1 block w-full rounded-md border border-stone-400 bg-white px-2 py-1.5">
            {models.map((m) => (
              <option key={m.modelId} value={m.modelId}>
                {m.name} {m.version}
              </option>
            ))}
          </select>
        </div>
      )}
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
