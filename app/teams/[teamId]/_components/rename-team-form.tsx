"use client";

import { useActionState } from "react";
import { field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { TEAM_NAME_MAX } from "@/lib/validation/limits";
import { renameTeamAction } from "../../actions";

export function RenameTeamForm({ teamId, name }: { teamId: string; name: string }) {
  const [state, formAction] = useActionState(renameTeamAction, null);
  const error = state && !state.ok ? (state.fieldErrors?.name?.[0] ?? state.error) : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      <div className="flex-1">
        <label htmlFor="rename-team" className={field.label}>
          New name
        </label>
        <input
          id="rename-team"
          name="name"
          defaultValue={(state && !state.ok ? state.values?.name : undefined) ?? name}
          required
          maxLength={TEAM_NAME_MAX}
          className={field.input}
          aria-invalid={error ? true : undefined}
          aria-describedby="rename-team-message"
        />
        <p id="rename-team-message" role="status" aria-live="polite" className={error ? field.error : "sr-only"}>
          {error ?? (state?.ok ? `Renamed to “${state.data.name}”.` : "")}
        </p>
      </div>
      <div className="sm:pb-6">
        <SubmitButton variant="secondary" pendingText="Saving…">
          Rename
        </SubmitButton>
      </div>
    </form>
  );
}
