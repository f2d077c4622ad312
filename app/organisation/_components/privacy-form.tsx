"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/components/ui/styles";
import { MIN_TEAMS_HIGHEST, MIN_TEAMS_LOWEST, type PrivacyPolicy, type TeamResultsVisibility } from "@/lib/dashboard/privacy";
import { setPrivacyAction } from "../actions";

const choices: { value: TeamResultsVisibility; label: string; hint: string }[] = [
  {
    value: "organisation",
    label: "Everyone in the organisation",
    hint: "Every member and viewer sees each team’s results, its trend and its row on the dashboard.",
  },
  {
    value: "team",
    label: "Only the team and its leads",
    hint: "A team’s members, facilitators, admins and owners. Everyone else sees aggregates only: no other team’s row, results or trend, on pages, in CSVs, in print or through the API.",
  },
];

/** Owners choose who sees each team's own results and how many teams a group needs before its figures are shown outside it. */
export function PrivacyForm({ policy }: { policy: PrivacyPolicy }) {
  const [state, formAction] = useActionState(setPrivacyAction, null);
  const error = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  const minTeamsError = error("minTeams");
  // A form action resets the form: after a refusal, the choices sent stay chosen; after a save, the saved ones.
  const sent = state && !state.ok ? state.values : state?.ok ? { teamResults: state.data.teamResults, minTeams: String(state.data.minTeams) } : undefined;
  const teamResults = sent?.teamResults ?? policy.teamResults;
  const minTeams = sent?.minTeams ?? String(policy.minTeams);
  return (
    <form key={`${teamResults}|${minTeams}`} action={formAction} className="space-y-4" noValidate>
      <fieldset aria-describedby="field-teamResults-message">
        <legend className={field.label}>Who sees each team’s own results</legend>
        <div className="mt-2 space-y-2">
          {choices.map((c) => (
            <label key={c.value} className="flex items-start gap-2">
              <input type="radio" name="teamResults" value={c.value} defaultChecked={teamResults === c.value} className="mt-1 size-5 sm:size-4" />
              <span>
                <span className="font-medium text-stone-900">{c.label}</span>
                <span className="block text-sm text-stone-600">{c.hint}</span>
              </span>
            </label>
          ))}
        </div>
        <p id="field-teamResults-message" className={error("teamResults") ? field.error : "sr-only"}>
          {error("teamResults") ?? ""}
        </p>
      </fieldset>
      <div>
        <label htmlFor="field-minTeams" className={field.label}>
          Fewest teams a group’s figures are shown outside it with
        </label>
        <input
          id="field-minTeams"
          name="minTeams"
          type="number"
          inputMode="numeric"
          min={MIN_TEAMS_LOWEST}
          max={MIN_TEAMS_HIGHEST}
          defaultValue={minTeams}
          className={`${field.input} max-w-32`}
          aria-invalid={minTeamsError ? true : undefined}
          aria-describedby="field-minTeams-hint field-minTeams-message"
        />
        <p id="field-minTeams-hint" className={field.hint}>
          At least {MIN_TEAMS_LOWEST}. A group with fewer assessed teams shows its distribution, median and spread only to its own members, admins and owners;
          where a parent’s figures less those shown would give it away, a second figure is withheld too.
        </p>
        <p id="field-minTeams-message" className={minTeamsError ? field.error : "sr-only"}>
          {minTeamsError ?? ""}
        </p>
      </div>
      <FormMessage state={state} />
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          Saved. Every dashboard, team and results page follows it now.
        </p>
      )}
      <SubmitButton pendingText="Saving…">Save who sees what</SubmitButton>
    </form>
  );
}
