"use server";

import { revalidatePath } from "next/cache";
import { getMemberRole } from "@/db/queries/members";
import { createInvitation, revokeInvitation } from "@/db/queries/invitations";
import { changeMemberRole, removeMember } from "@/db/queries/membership-changes";
import { AppError } from "@/lib/errors";
import { assignableRoles, roleLabels, type Role } from "@/lib/permissions";
import { changeRoleSchema, createInvitationSchema, removeMemberSchema, revokeInvitationSchema } from "@/lib/validation/members";
import { formAction } from "@/server/action";
import { authorize } from "@/server/authorize";
import type { Viewer } from "@/server/session";

/** Nobody hands out or takes away more than they hold: admins cannot touch owners. */
function assertCanAssign(viewer: Viewer, ...roles: Role[]) {
  const allowedRoles = assignableRoles(viewer.role);
  const refused = roles.find((r) => !allowedRoles.includes(r));
  if (refused) throw new AppError("forbidden", `Only an owner can grant or change the role ${roleLabels[refused]}.`);
}

export const createInvitationAction = formAction(createInvitationSchema, async ({ role }, { viewer }) => {
  await authorize(viewer, "members.manage");
  assertCanAssign(viewer, role);
  const { token, expiresAt } = await createInvitation(viewer.organisation.id, role, viewer.user.id);
  revalidatePath("/members");
  return { path: `/invite/${token}`, role, expiresAt: expiresAt.toISOString() };
});

export const revokeInvitationAction = formAction(revokeInvitationSchema, async ({ invitationId }, { viewer }) => {
  await authorize(viewer, "members.manage");
  await revokeInvitation(viewer.organisation.id, invitationId, viewer.user.id);
  revalidatePath("/members");
  return undefined;
});

export const changeRoleAction = formAction(changeRoleSchema, async ({ userId, role }, { viewer }) => {
  await authorize(viewer, "members.manage");
  const current = await getMemberRole(viewer.organisation.id, userId);
  if (!current) throw new AppError("not_found", "The member was not found.");
  assertCanAssign(viewer, current, role);
  await changeMemberRole(viewer.organisation.id, userId, role, viewer.user.id);
  revalidatePath("/members");
  return { role };
});

export const removeMemberAction = formAction(removeMemberSchema, async ({ userId }, { viewer }) => {
  await authorize(viewer, "members.manage");
  const current = await getMemberRole(viewer.organisation.id, userId);
  if (!current) throw new AppError("not_found", "The member was not found.");
  assertCanAssign(viewer, current);
  await removeMember(viewer.organisation.id, userId, viewer.user.id);
  revalidatePath("/members");
  return undefined;
});
