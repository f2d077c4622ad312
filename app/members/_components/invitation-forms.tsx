"use client";

import { useActionState, useEffect, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { button, field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { teamsPhrase } from "@/lib/invitation-text";
import { roleLabels, type Role } from "@/lib/permissions";
import { withArticle } from "@/lib/words";
import { RoleOptions } from "./role-options";
import { InvitationTeams } from "./invitation-teams";
import { createInvitationAction, revokeInvitationAction } from "../actions";

type InviteFormProps = {
  roles: Role[];
  teams: { id: string; name: string }[];
  /** Whether this Stave has an SMTP server to send mail through. */ canMail: boolean;
};

export function InviteForm({ roles, teams, canMail }: InviteFormProps) {
  const [state, formAction] = useActionState(createInvitationAction, null);
  const [link, setLink] = useState("");
  const [copied, setCopied] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    if (state?.ok) {
      setLink(`${window.location.origin}${state.data.path}`);
      setCopied(false);
      setChosen([]);
    }
  }, [state]);
  const failed = state && !state.ok ? state : undefined;
  const roleError = failed?.fieldErrors?.role?.[0];
  return (
    <div className="mt-3 space-y-3">
      <form action={formAction} className="space-y-4">
        <div className="max-w-xs">
          <label htmlFor="invite-role" className={field.label}>
            Role
          </label>
          <select
            id="invite-role"
            name="role"
            defaultValue={failed?.values?.role ?? "member"}
            className={field.input}
            aria-invalid={roleError ? true : undefined}
            aria-describedby="invite-role-message"
          >
            <RoleOptions roles={roles} />
          </select>
          <p id="invite-role-message" className={roleError ? field.error : "sr-only"}>
            {roleError ?? ""}
          </p>
        </div>
        {teams.length > 0 && <InvitationTeams teams={teams} chosen={chosen} onChange={setChosen} error={failed?.fieldErrors?.teamIds?.[0]} />}
        <div className="max-w-md">
          <TextField
            name="email"
            label="Mail the link to (optional)"
            type="email"
            autoComplete="off"
            state={state}
            hint={
              canMail
                ? "Leave it empty to copy the link and send it yourself."
                : "This Stave cannot send mail (no SMTP server is configured): the mail is kept unsent on the outgoing mail page, so copy the link and send it yourself."
            }
          />
        </div>
        <SubmitButton pendingText="Creating link…">Create invitation link</SubmitButton>
      </form>
      <FormMessage state={state} />
      {state?.ok && state.data.mailed && (
        <p role="status" className="text-sm font-medium text-stone-800">
          {state.data.mailed.sent
            ? `The link is being mailed to ${state.data.mailed.to}.`
            : `Not mailed: this Stave cannot send mail. Copy the link below and send it to ${state.data.mailed.to} yourself.`}
        </p>
      )}
      {link && state?.ok && (
        <div className="space-y-2 rounded-md bg-water-300/15 p-3">
          <label htmlFor="invite-link" className={field.label}>
            Invitation link for {withArticle(roleLabels[state.data.role])}
            {state.data.teams.length > 0 && `, joining ${teamsPhrase(state.data.teams)}`} (shown once)
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input id="invite-link" readOnly value={link} className={field.input} onFocus={(e) => e.currentTarget.select()} />
            <button
              type="button"
              className={button.secondary}
              onClick={async () => {
                await navigator.clipboard?.writeText(link).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

export function RevokeInvitationButton({ invitationId }: { invitationId: string }) {
  const [state, formAction] = useActionState(revokeInvitationAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton variant="quiet" pendingText="Revoking…">
        Revoke
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
