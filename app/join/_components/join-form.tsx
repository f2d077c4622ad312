"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { PERSON_NAME_MAX } from "@/lib/validation/limits";
import { joinWorkshopAction } from "../actions";

export function JoinForm({ code }: { code: string }) {
  const [state, action] = useActionState(joinWorkshopAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <TextField name="code" label="Workshop code" state={state} defaultValue={code} autoComplete="off" hint="On the facilitator's screen, e.g. ABCD-EF34." />
      <TextField
        name="name"
        label="Your name (optional)"
        state={state}
        maxLength={PERSON_NAME_MAX}
        autoComplete="given-name"
        hint="Shown only as the facilitator chose: to everyone, to the facilitator, or to nobody."
      />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="watching" value="on" className="mt-1" />
        <span>
          Only watch, without voting: for a shared screen or an observer. You see the questions and, once revealed, the votes; the room&apos;s count leaves you
          out.
        </span>
      </label>
      <SubmitButton pendingText="Joining…">Join the workshop</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
