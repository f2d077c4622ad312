"use client";

import { useActionState, useEffect, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { button, field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { roleLabels, type Role } from "@/lib/permissions";
import { RoleOptions } from "./role-options";
import { createInvitationAction, revokeInvitationAction } from "../actions";

export function InviteForm({ roles }: { roles: Role[] }) {
  const [state, formAction] = useActionState(createInvitationAction, null);
  const [link, setLink] = useState("");
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (state?.ok) {
      setLink(`${window.location.origin}${state.data.path}`);
      setCopied(false);
    }
  }, [state]);
  return (
    <div className="mt-3 space-y-3">
      <form action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div>
          <label htmlFor="invite-role" className={field.label}>
            Role
          </label>
          <select id="invite-role" name="role" defaultValue="member" className={field.input}>
            <RoleOptions roles={roles} />
          </select>
        </div>
        <SubmitButton pendingText="Creating link…">Create invitation link</SubmitButton>
      </form>
      <FormMessage state={state} />
      {link && state?.ok && (
        <div className="space-y-2 rounded-md bg-water-300/15 p-3">
          <label htmlFor="invite-link" className={field.label}>
            Invitation link for a {roleLabels[state.data.role].toLowerCase()} (shown once)
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
      <SubmitButton variant="quiet" pendingText="Revoking…">Revoke</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
