"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { OrganisationMember } from "@/lib/people";
import { roleLabels, type Role } from "@/lib/permissions";
import { RoleOptions } from "./role-options";
import { changeRoleAction, removeMemberAction } from "../actions";

type Props = { member: Pick<OrganisationMember, "userId" | "name" | "email" | "role">; isSelf: boolean; editable: boolean; roles: Role[] };

export function MemberRow({ member, isSelf, editable, roles }: Props) {
  const [roleState, roleAction] = useActionState(changeRoleAction, null);
  const [removeState, removeAction] = useActionState(removeMemberAction, null);
  const selectId = `role-${member.userId}`;
  return (
    <li className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
      <span>
        <span className="font-medium">{member.name}</span>
        {isSelf && <span className="text-sm text-stone-600"> (you)</span>}
        <span className="block text-sm text-stone-600">{member.email}</span>
      </span>
      {editable ? (
        <div className="flex flex-wrap items-end gap-2">
          <form action={roleAction} className="flex items-end gap-2">
            <input type="hidden" name="userId" value={member.userId} />
            <div>
              <label htmlFor={selectId} className="sr-only">
                Role of {member.name}
              </label>
              <select id={selectId} name="role" defaultValue={member.role} className={`${field.input} mt-0`}>
                <RoleOptions roles={roles} />
              </select>
            </div>
            <SubmitButton variant="secondary" pendingText="Saving…">
              Change role<span className="sr-only"> of {member.name}</span>
            </SubmitButton>
          </form>
          <form action={removeAction}>
            <input type="hidden" name="userId" value={member.userId} />
            <SubmitButton variant="quiet" pendingText="Removing…">
              Remove<span className="sr-only"> {member.name}</span>
            </SubmitButton>
          </form>
          <FormMessage state={roleState} />
          <FormMessage state={removeState} />
        </div>
      ) : (
        <span className="text-sm font-medium text-stone-700">{roleLabels[member.role]}</span>
      )}
    </li>
  );
}
