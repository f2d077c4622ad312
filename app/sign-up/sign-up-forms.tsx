"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { DEMO_PASSWORD } from "@/db/seed/demo-password";
import { roleLabels } from "@/lib/permissions";
import { PASSWORD_MIN } from "@/lib/validation/account";
import { setUpDemoAction, signUpAction } from "./actions";

export function SignUpForm({ next }: { next?: string }) {
  const [state, formAction] = useActionState(signUpAction, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {next && <input type="hidden" name="next" value={next} />}
      <TextField name="name" label="Your name" autoComplete="name" maxLength={80} state={state} />
      <TextField name="email" label="Email" type="email" autoComplete="email" state={state} />
      <TextField name="password" label="Password" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters.`} state={state} />
      <FormMessage state={state} />
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
    </form>
  );
}

export function DemoForm() {
  const [state, formAction] = useActionState(setUpDemoAction, null);
  if (state?.ok) {
    return (
      <div className="mt-3 space-y-2 text-sm" role="status">
        <p className="font-medium">Demo data is ready. Sign in as any of these, with the password <code className="rounded bg-stone-100 px-1">{DEMO_PASSWORD}</code>:</p>
        <ul className="space-y-1">
          {state.data.map((s) => (
            <li key={s.email}>
              <span className="font-semibold">{roleLabels[s.role]}</span>: <code>{s.email}</code>
            </li>
          ))}
        </ul>
        <Link href="/sign-in" className="font-medium text-wood-700 underline">
          Go to sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="mt-3 space-y-2">
      <SubmitButton variant="secondary" pendingText="Creating demo data…">
        Explore with demo data
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
