"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { OrganisationMember } from "@/lib/people";
import { addTeamMemberAction, removeTeamMemberAction } from "../../actions";

export function AddTeamMemberForm({ teamId, candidates }: { teamId: string; candidates: Pick<OrganisationMember, "userId" | "name" | "email">[] }) {
  const [state, formAction] = useActionState(addTeamMemberAction, null);
  return (
    <form action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <input type="hidden" name="teamId" value={teamId} />
      <div className="flex-1">
        <label htmlFor="add-team-member" className={field.label}>
          Add a person
        </label>
        <select id="add-team-member" name="userId" className={field.input} defaultValue={candidates[0]?.userId}>
          {candidates.map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.name} ({c.email})
            </option>
          ))}
        </select>
      </div>
      <SubmitButton variant="secondary" pendingText="Adding…">
        Add to team
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function RemoveTeamMemberButton({ teamId, userId, name }: { teamId: string; userId: string; name: string }) {
  const [state, formAction] = useActionState(removeTeamMemberAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="quiet" pendingText="Removing…">
        Remove<span className="sr-only"> {name} from the team</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
