"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { ANONYMITY, anonymityLabels } from "@/lib/workshop/rules";
import { openWorkshopAction } from "../actions";

/** Opens a live workshop on this draft: who sees whose vote, and whether votes reveal themselves. */
export function OpenWorkshopForm({ assessmentId }: { assessmentId: string }) {
  const [state, action] = useActionState(openWorkshopAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <fieldset className="space-y-2">
        <legend className="font-medium">Who sees whose vote, once votes are revealed</legend>
        {ANONYMITY.map((a) => (
          <label key={a} className="flex items-center gap-2">
            <input type="radio" name="anonymity" value={a} defaultChecked={a === "facilitator"} />
            {anonymityLabels[a]}
          </label>
        ))}
      </fieldset>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="autoReveal" value="on" defaultChecked />
        Reveal the votes by themselves once everyone in the room has voted
      </label>
      <SubmitButton pendingText="Opening…">Open the workshop</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
