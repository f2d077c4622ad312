"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token, name }: { token: string; name: string }) {
  const [state, formAction] = useActionState(acceptInvitationAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-stone-700">Signed in as {name}.</p>
      <SubmitButton pendingText="Joining…">Accept and join</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
