"use client";

import { field } from "@/components/ui/styles";

type Props = {
  teams: { id: string; name: string }[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
};

/** The organisation's active teams to tick for an invitation: whoever accepts joins them. Optional. */
export function InvitationTeams({ teams, chosen, onChange, error }: Props) {
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  return (
    <fieldset aria-describedby="invite-teams-hint invite-teams-message">
      <legend className={field.label}>Teams to join (optional)</legend>
      <p id="invite-teams-hint" className={field.hint}>
        Whoever accepts becomes a member of the teams you tick{chosen.length > 0 ? ` (${chosen.length} ticked)` : ""}.
      </p>
      <ul className="mt-2 grid max-h-56 gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-stone-300 p-2 sm:grid-cols-2 lg:grid-cols-3">
        {teams.map((team) => (
          <li key={team.id}>
            <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-1.5 text-sm text-stone-800 hover:bg-stone-100">
              <input
                type="checkbox"
                name="teamIds"
                value={team.id}
                // Uncontrolled, its default following the choice: the form's reset after a refusal puts the ticks back.
                defaultChecked={chosen.includes(team.id)}
                onChange={(e) => toggle(team.id, e.currentTarget.checked)}
                className="h-4 w-4 accent-wood-700"
              />
              {team.name}
            </label>
          </li>
        ))}
      </ul>
      <p id="invite-teams-message" aria-live="polite" className={error ? field.error : "sr-only"}>
        {error ?? ""}
      </p>
    </fieldset>
  );
}
