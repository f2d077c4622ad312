import { z } from "zod";
import { ROLES } from "../permissions";

const role = z.enum(ROLES, { error: "Choose a role." });

export const createInvitationSchema = z.object({ role });
export const revokeInvitationSchema = z.object({ invitationId: z.uuid("Unknown invitation.") });
export const changeRoleSchema = z.object({ userId: z.uuid("Unknown member."), role });
export const removeMemberSchema = z.object({ userId: z.uuid("Unknown member.") });
export const acceptInvitationSchema = z.object({ token: z.string().min(16, "This invitation link is incomplete.").max(100) });
