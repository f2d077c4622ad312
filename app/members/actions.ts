"use server";

import { revalidatePath } from "next/cache";
import { createInvitation, revokeInvitation } from "@/db/queries/invitations";
import { changeMemberRole, removeMember } from "@/db/queries/membership-changes";
import { changeRoleSchema, createInvitationSchema, removeMemberSchema, revokeInvitationSchema } from "@/lib/validation/members";
import { formAction } from "@/server/action";
import { mailer } from "@/server/mail";
import { configuredOrigin } from "@/server/public-origin";

// Which roles the asker may grant or change is decided inside each write, with the roles as they are then.

export const createInvitationAction = formAction("member", createInvitationSchema, async ({ role, teamIds, email }, { ctx }) => {
  const { token, expiresAt, teams } = await createInvitation(ctx, role, teamIds, email ? { to: email, origin: configuredOrigin() } : undefined);
  revalidatePath("/members");
  // Without an SMTP server the mail is kept unsent on the outbox page: the link must be copied.
  const mailed = email ? { to: email, sent: mailer().configured } : null;
  return { path: `/invite/${token}`, role, teams, expiresAt: expiresAt.toISOString(), mailed };
});

export const revokeInvitationAction = formAction("member", revokeInvitationSchema, async ({ invitationId }, { ctx }) => {
  await revokeInvitation(ctx, invitationId);
  revalidatePath("/members");
  return undefined;
});

export const changeRoleAction = formAction("member", changeRoleSchema, async ({ userId, role }, { ctx }) => {
  await changeMemberRole(ctx, userId, role);
  revalidatePath("/members");
  return { role };
});

export const removeMemberAction = formAction("member", removeMemberSchema, async ({ userId }, { ctx }) => {
  await removeMember(ctx, userId);
  revalidatePath("/members");
  return undefined;
});
