"use client";

import { useActionState } from "react";
import { field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { CADENCES, cadenceLabels, type Cadence } from "@/lib/cadence";
import { setTeamCadenceAction } from "../../actions";

/** How often the team assesses itself. */
export function CadenceForm({ teamId, cadence }: { teamId: string; cadence: Cadence }) {
  const [state, action] = useActionState(setTeamCadenceAction, null);
  const error = state && !state.ok ? (state.fieldErrors?.cadence?.[0] ?? state.error) : undefined;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      <div>
        <label htmlFor="team-cadence" className={field.label}>
          Assess the team
        </label>
        <select id="team-cadence" name="cadence" defaultValue={cadence} className={field.input} aria-describedby="team-cadence-message">
          {CADENCES.map((c) => (
            <option key={c} value={c}>
              {cadenceLabels[c]}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton variant="secondary" pendingText="Saving…">
        Save
      </SubmitButton>
      <p id="team-cadence-message" role="status" aria-live="polite" className={error ? `${field.error} w-full` : "sr-only"}>
        {error ?? (state?.ok ? `Saved: ${cadenceLabels[state.data.cadence].toLowerCase()}.` : "")}
      </p>
    </form>
  );
}
