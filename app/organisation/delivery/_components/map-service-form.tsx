"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { mapServiceAction } from "../actions";

/** Which team a service's events count for: a team from the list, or none. */
export function MapServiceForm({
  serviceId,
  name,
  teamId,
  teamName,
  teams,
}: {
  serviceId: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  teams: { id: string; name: string }[];
}) {
  // A service may still count for a team archived since: it stays chosen until another is.
  const archived = teamId !== null && !teams.some((t) => t.id === teamId);
  const [state, formAction] = useActionState(mapServiceAction, null);
  const selectId = `team-of-${serviceId}`;
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="serviceId" value={serviceId} />
      <label htmlFor={selectId} className={field.label}>
        Team for <span className="font-mono">{name}</span>
      </label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <select id={selectId} name="teamId" defaultValue={teamId ?? ""} className={`${field.input} sm:mt-0 sm:max-w-xs`}>
          <option value="">No team yet</option>
          {archived && <option value={teamId ?? ""}>{teamName} (archived)</option>}
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <SubmitButton variant="secondary" pendingText="Saving…">
          Save<span className="sr-only"> the team for {name}</span>
        </SubmitButton>
      </div>
      <FormMessage state={state} />
      {state?.ok && (
        <p role="status" className="text-sm font-medium text-green-800">
          {state.data}
        </p>
      )}
    </form>
  );
}
