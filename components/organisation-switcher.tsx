"use client";

import { usePathname } from "next/navigation";
import { useState, useTransition } from "react";
import { switchOrganisationAction } from "@/server/session-actions";

type Props = { active: string; organisations: { id: string; name: string }[] };

/** Shows the active organisation; people in several switch between them here. */
export function OrganisationSwitcher({ active, organisations }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const path = usePathname();
  if (organisations.length < 2) {
    return (
      <span className="max-w-[12rem] truncate rounded-full bg-stone-100 px-3 py-1 text-stone-700" data-testid="active-organisation">
        <span className="sr-only">Organisation: </span>
        {organisations.find((o) => o.id === active)?.name}
      </span>
    );
  }
  return (
    <span className="flex items-center gap-1">
      <label htmlFor="organisation-switcher" className="sr-only">
        Organisation
      </label>
      <select
        id="organisation-switcher"
        value={active}
        disabled={pending}
        data-testid="active-organisation"
        onChange={(e) => {
          const organisationId = e.target.value;
          startTransition(async () => {
            const result = await switchOrganisationAction({ organisationId, path });
            if (result && !result.ok) setError(result.error);
          });
        }}
        className="max-w-[14rem] rounded-full border border-stone-300 bg-stone-100 px-3 py-1 text-stone-800"
      >
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
