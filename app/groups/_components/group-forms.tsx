"use client";

import { useActionState } from "react";
import { control, Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { TEAM_NAME_MAX } from "@/lib/validation/limits";
import { createGroupAction, deleteGroupAction, moveGroupAction, renameGroupAction, setTeamGroupAction } from "../actions";

/** A group as the pickers list it: indented under its parent. */
export type GroupChoice = { id: string; label: string; depth: number };

function GroupOptions({ choices, none, exclude = [] }: { choices: readonly GroupChoice[]; none: string; exclude?: readonly string[] }) {
  return (
    <>
      <option value="">{none}</option>
      {choices
        .filter((c) => !exclude.includes(c.id))
        .map((c) => (
          <option key={c.id} value={c.id}>
            {"\u2003".repeat(c.depth)}
            {c.label}
          </option>
        ))}
    </>
  );
}

export function CreateGroupForm({ choices }: { choices: readonly GroupChoice[] }) {
  const [state, action] = useActionState(createGroupAction, null);
  const nameError = state && !state.ok ? state.fieldErrors?.name?.[0] : undefined;
  const parentError = state && !state.ok ? state.fieldErrors?.parentId?.[0] : undefined;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start" noValidate>
      <Field id="new-group-name" label="Name" error={nameError}>
        <input
          {...control("new-group-name", nameError)}
          name="name"
          required
          maxLength={TEAM_NAME_MAX}
          defaultValue={state && !state.ok ? state.values?.name : ""}
          key={state?.ok ? state.data.name : "form"}
          className={field.input}
        />
      </Field>
      <Field id="new-group-parent" label="Inside" error={parentError}>
        <select
          {...control("new-group-parent", parentError)}
          name="parentId"
          defaultValue={state && !state.ok ? state.values?.parentId : ""}
          className={field.input}
        >
          <GroupOptions choices={choices} none="The organisation (top level)" />
        </select>
      </Field>
      <div className="sm:pt-6">
        <SubmitButton pendingText="Creating…">Create group</SubmitButton>
      </div>
      <div className="sm:col-span-3">
        <FormMessage state={state} />
        {state?.ok && (
          <p role="status" className="text-sm text-green-800">
            Created “{state.data.name}”.
          </p>
        )}
      </div>
    </form>
  );
}

/** Rename, move and delete one group. */
export function GroupRowForms({
  group,
  choices,
  inside,
}: {
  group: { id: string; name: string; parentId: string | null };
  choices: readonly GroupChoice[];
  inside: readonly string[];
}) {
  const [renamed, rename] = useActionState(renameGroupAction, null);
  const [moved, move] = useActionState(moveGroupAction, null);
  const [deleted, remove] = useActionState(deleteGroupAction, null);
  const id = group.id;
  const renameError = renamed && !renamed.ok ? (renamed.fieldErrors?.name?.[0] ?? renamed.error) : undefined;
  const moveError = moved && !moved.ok ? (moved.fieldErrors?.parentId?.[0] ?? moved.error) : undefined;
  const deleteError = deleted && !deleted.ok ? deleted.error : undefined;
  return (
    <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto]">
      <form action={rename} className="flex items-end gap-2" noValidate>
        <input type="hidden" name="groupId" value={id} />
        <div className="flex-1">
          <label htmlFor={`rename-${id}`} className={field.label}>
            Name
          </label>
          <input
            id={`rename-${id}`}
            name="name"
            defaultValue={group.name}
            maxLength={TEAM_NAME_MAX}
            required
            className={field.input}
            aria-invalid={renameError ? true : undefined}
            aria-describedby={`rename-${id}-message`}
          />
        </div>
        <SubmitButton variant="secondary" pendingText="Saving…">
          Rename<span className="sr-only"> {group.name}</span>
        </SubmitButton>
      </form>
      <form action={move} className="flex items-end gap-2" noValidate>
        <input type="hidden" name="groupId" value={id} />
        <div className="flex-1">
          <label htmlFor={`move-${id}`} className={field.label}>
            Inside
          </label>
          <select
            id={`move-${id}`}
            name="parentId"
            defaultValue={group.parentId ?? ""}
            className={field.input}
            aria-invalid={moveError ? true : undefined}
            aria-describedby={`move-${id}-message`}
          >
            <GroupOptions choices={choices} none="The organisation (top level)" exclude={inside} />
          </select>
        </div>
        <SubmitButton variant="secondary" pendingText="Moving…">
          Move<span className="sr-only"> {group.name}</span>
        </SubmitButton>
      </form>
      <form action={remove} className="flex items-end">
        <input type="hidden" name="groupId" value={id} />
        <SubmitButton variant="secondary" pendingText="Deleting…">
          Delete<span className="sr-only"> {group.name}</span>
        </SubmitButton>
      </form>
      <div className="sm:col-span-3" aria-live="polite">
        <p id={`rename-${id}-message`} role="status" className={renameError ? field.error : "sr-only"}>
          {renameError ?? (renamed?.ok ? `Renamed to “${renamed.data.name}”.` : "")}
        </p>
        <p id={`move-${id}-message`} role="status" className={moveError ? field.error : "sr-only"}>
          {moveError ?? (moved?.ok ? "Moved." : "")}
        </p>
        <p role="status" className={deleteError ? field.error : "sr-only"}>
          {deleteError}
        </p>
      </div>
    </div>
  );
}

/** Which group a team sits in. */
export function TeamGroupForm({ team, groupId, choices }: { team: { id: string; name: string }; groupId: string | null; choices: readonly GroupChoice[] }) {
  const [state, action] = useActionState(setTeamGroupAction, null);
  const error = state && !state.ok ? (state.fieldErrors?.groupId?.[0] ?? state.error) : undefined;
  const id = `team-group-${team.id}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="teamId" value={team.id} />
      <div className="min-w-48 flex-1">
        <label htmlFor={id} className={field.label}>
          {team.name}
        </label>
        <select
          id={id}
          name="groupId"
          defaultValue={groupId ?? ""}
          className={field.input}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-message`}
        >
          <GroupOptions choices={choices} none="No group" />
        </select>
      </div>
      <SubmitButton variant="secondary" pendingText="Saving…">
        Save
      </SubmitButton>
      <p id={`${id}-message`} role="status" aria-live="polite" className={error ? `${field.error} w-full` : "sr-only"}>
        {error ?? (state?.ok ? "Saved." : "")}
      </p>
    </form>
  );
}
