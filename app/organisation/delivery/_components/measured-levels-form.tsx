"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/components/ui/styles";
import { setMeasuredLevelsCapAction } from "../actions";

const choices = [
  {
    value: "off",
    label: "Show them beside the answers",
    hint: "Results show what the data says next to what the team answered; scores count the answers.",
  },
  {
    value: "on",
    label: "Let them cap the answers in scores",
    hint: "An answer above its measured level counts as the measured level, so the data can lower a stave. Applies to assessments submitted from now on; each keeps the figures it was capped by.",
  },
] as const;

/** Owners and admins choose whether the level delivery data measures caps a team's answer in scores. */
export function MeasuredLevelsForm({ capsAnswers }: { capsAnswers: boolean }) {
  const [state, formAction] = useActionState(setMeasuredLevelsCapAction, null);
  const chosen = state?.ok ? state.data.capsAnswers : capsAnswers;
  return (
    <form key={String(chosen)} action={formAction} className="space-y-3" noValidate>
      <fieldset>
        <legend className={field.label}>Measured levels</legend>
        <div className="mt-2 space-y-2">
          {choices.map((c) => (
            <label key={c.value} className="flex items-start gap-2">
              <input type="radio" name="capsAnswers" value={c.value} defaultChecked={chosen === (c.value === "on")} className="mt-1 size-5 sm:size-4" />
              <span>
                <span className="font-medium text-stone-900">{c.label}</span>
                <span className="block text-sm text-stone-600">{c.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormMessage state={state} />
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          Saved.
        </p>
      )}
      <SubmitButton pendingText="Saving…">Save</SubmitButton>
    </form>
  );
}
