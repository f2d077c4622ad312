"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { ssoSignInAction } from "../actions";

/** A work address sends its owner to the identity provider of the organisation that claims its domain. */
export function SsoSignInForm({ next }: { next?: string }) {
  const [state, formAction] = useActionState(ssoSignInAction, null);
  return (
    <section aria-labelledby="sso-heading" className="mt-6 border-t border-stone-200 pt-5">
      <h2 id="sso-heading" className="text-base font-semibold text-stone-900">
        Sign in with your organisation’s single sign-on
      </h2>
      <form action={formAction} className="mt-3 space-y-4" noValidate>
        {next && <input type="hidden" name="next" value={next} />}
        <TextField
          id="field-sso-email"
          name="email"
          label="Work e-mail"
          type="email"
          autoComplete="email"
          state={state}
          hint="You go to your organisation’s sign-in page and come back here."
        />
        <FormMessage state={state} />
        <SubmitButton pendingText="Going to your organisation…">Continue with single sign-on</SubmitButton>
      </form>
    </section>
  );
}
