"use client";

import { useActionState, useState } from "react";
import { AuthCard } from "@/components/auth-card";
import { FormMessage } from "@/components/ui/form-message";
import { button, card } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { PASSWORD_MIN, PERSON_NAME_MAX } from "@/lib/validation/limits";
import { DemoSignIns } from "../sign-in/_components/demo-sign-ins";
import { setUpDemoAction, signUpAction } from "./actions";

export function SignUpForm({ next }: { next?: string }) {
  const [state, formAction] = useActionState(signUpAction, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {next && <input type="hidden" name="next" value={next} />}
      <TextField name="name" label="Your name" autoComplete="name" maxLength={PERSON_NAME_MAX} state={state} />
      <TextField name="email" label="Email" type="email" autoComplete="email" state={state} />
      <TextField name="password" label="Password" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters.`} state={state} />
      <FormMessage state={state} />
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
    </form>
  );
}

/**
 * The first visit: create the first account, or explore with demo data. Once the demo exists, its
 * sign-ins take the stage and the account form steps back, saying it would start a separate organisation.
 */
export function FirstRun({ intro }: { intro: React.ReactNode }) {
  const [state, formAction] = useActionState(setUpDemoAction, null);
  const [ownAccount, setOwnAccount] = useState(false);
  if (state?.ok) {
    return (
      <div className="space-y-6">
        <section className={`${card} mx-auto max-w-xl space-y-3`} aria-labelledby="demo-ready-heading">
          <h1 id="demo-ready-heading" className="text-2xl font-bold text-wood-900">
            The demo is ready
          </h1>
          <p className="text-stone-700" role="status">
            A demo organisation with 24 teams in groups and two years of assessments. Sign in as any role to see what it sees.
          </p>
          <DemoSignIns signIns={state.data} />
        </section>
        <section className="mx-auto max-w-xl text-sm text-stone-700" aria-labelledby="own-account-heading">
          <h2 id="own-account-heading" className="font-semibold text-stone-800">
            Your own organisation instead?
          </h2>
          <p className="mt-1">Creating an account starts a new, separate organisation; the demo stays as it is, and you can still sign in to it.</p>
          {ownAccount ? (
            <div className={`${card} mt-3`}>
              <SignUpForm />
            </div>
          ) : (
            <button type="button" className={`${button.quiet} mt-1 px-0`} onClick={() => setOwnAccount(true)}>
              Create my own account
            </button>
          )}
        </section>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <AuthCard title="Welcome to Stave" intro={intro}>
        <SignUpForm />
      </AuthCard>
      <section className={`${card} mx-auto max-w-md`} aria-labelledby="demo-heading">
        <h2 id="demo-heading" className="text-lg font-semibold">
          Or explore with demo data
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          Creates a demo organisation with 24 teams in groups, two years of quarterly assessments and one sign-in per role.
        </p>
        <form action={formAction} className="mt-3 space-y-2">
          <SubmitButton variant="secondary" pendingText="Creating demo data…">
            Explore with demo data
          </SubmitButton>
          <FormMessage state={state} />
        </form>
      </section>
    </div>
  );
}
