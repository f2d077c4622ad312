"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { READING_WORDS_PER_MINUTE, SECONDS_TO_CHOOSE, type StartableModel } from "@/lib/answering-time";
import { RESPONDENT_MODES, respondentModeLabels } from "@/lib/respondents";
import { startAssessmentAction } from "../actions";

type Props = {
  teamId: string;
  /** Every model the team may use, at its newest version. */
  models: StartableModel[];
  /** Chosen at first: the team's last model, else Core. */
  modelId: string;
  resume: boolean;
};

/** Starts an assessment (choosing the model, how the team answers it and whether from last cycle's answers), or continues the open one. */
export function StartAssessmentForm({ teamId, models, modelId, resume }: Props) {
  const [state, formAction] = useActionState(startAssessmentAction, null);
  const [chosen, setChosen] = useState(modelId);
  const model = models.find((m) => m.modelId === chosen) ?? models[0];
  return (
    <form action={formAction} className="max-w-md space-y-3">
      <input type="hidden" name="teamId" value={teamId} />
      {resume || models.length < 2 ? (
        <input type="hidden" name="modelId" value={chosen} />
      ) : (
        <div className="text-sm">
          <label htmlFor={`${teamId}-model`} className="font-medium text-stone-800">
            Model
          </label>
          <select
            id={`${teamId}-model`}
            name="modelId"
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
            className="mt-1 block w-full rounded-md border border-stone-400 bg-white px-2 py-1.5"
          >
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
      {!resume && model?.last && (
        <fieldset className="space-y-1 text-sm" key={model.modelId}>
          <legend className="font-medium text-stone-800">Start from</legend>
          <label className="flex items-start gap-2">
            <input type="radio" name="from" value="last" defaultChecked className="mt-1" />
            <span>
              The last answers ({model.last.on}): {model.last.carried} of {model.questions} filled in to review, {model.last.time}
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input type="radio" name="from" value="blank" className="mt-1" />
            <span>
              A blank page: {model.questions} questions, {model.blank}
            </span>
          </label>
        </fieldset>
      )}
      {!resume && model && !model.last && (
        <p className="text-sm text-stone-700" data-testid="start-estimate">
          {model.questions} questions, {model.blank}. Answers save as you go, so you can stop and come back.
        </p>
      )}
      {!resume && model && (
        <p className="text-xs text-stone-600">
          Times assume reading at {READING_WORDS_PER_MINUTE} words a minute and {SECONDS_TO_CHOOSE} seconds to choose each answer.
        </p>
      )}
      <SubmitButton pendingText="Opening…">{resume ? "Continue the open assessment" : "Start an assessment"}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
