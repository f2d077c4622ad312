"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { DEMO_PASSWORD, type DemoSignIn } from "@/lib/demo";
import type { Role } from "@/lib/permissions";
import { demoSignInAction } from "../actions";

const whatTheySee: Record<Role, string> = {
  owner: "everything, members and the audit log included",
  admin: "manages members and teams",
  facilitator: "runs assessments for any team",
  member: "answers for their own team",
  viewer: "reads submitted results",
};

/** One button per demo sign-in: a newcomer tries each role with a click, no typing. */
export function DemoSignIns({ signIns }: { signIns: DemoSignIn[] }) {
  return (
    <div className="space-y-3">
      <ul className="grid gap-2" aria-label="Demo sign-ins">
        {signIns.map((s) => (
          <li key={s.email}>
            <DemoSignInButton signIn={s} />
          </li>
        ))}
      </ul>
      <p className="text-xs text-stone-600">
        Each is an ordinary account with the password <code className="rounded bg-stone-100 px-1">{DEMO_PASSWORD}</code>, so you can also sign in by hand.
      </p>
    </div>
  );
}

function DemoSignInButton({ signIn }: { signIn: DemoSignIn }) {
  const [state, formAction] = useActionState(demoSignInAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <input type="hidden" name="email" value={signIn.email} />
      <SubmitButton variant="secondary" pendingText="Signing in…">
        Sign in as the {signIn.role}
      </SubmitButton>
      <span className="text-sm text-stone-700">
        {signIn.name}
        {signIn.team ? `, in team ${signIn.team}` : ""} · {signIn.role === "member" && signIn.team ? `answers for ${signIn.team}` : whatTheySee[signIn.role]}
      </span>
      <FormMessage state={state} />
    </form>
  );
}
