"use client";

import { useActionState } from "react";
import { field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { archiveTeamAction } from "../actions";

export function ArchiveTeamButton({ teamId, teamName, archived }: { teamId: string; teamName: string; archived: boolean }) {
  const [state, formAction] = useActionState(archiveTeamAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <SubmitButton variant="secondary" pendingText={archived ? "Restoring…" : "Archiving…"}>
        {archived ? "Restore" : "Archive"}
        <span className="sr-only"> {teamName}</span>
      </SubmitButton>
      {state && !state.ok && (
        <p className={field.error} role="alert">
          {state.error}
        </p>
      )}
    </form>
  );
}
