import { z } from "zod";
import { ROLES } from "../permissions";
import { isUuid } from "./ids";

const role = z.enum(ROLES, { error: "Choose a role." });

/** Teams an invitation may name at most: more is a tampered form, not a person's choice. */
const INVITATION_TEAMS_MAX = 100;

/** The teams an invitation names: none, one or several checkboxes (a form sends one value per box), each a team id, once each. */
const teamIds = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(z.string(), "Choose the teams from the list.")
    .max(INVITATION_TEAMS_MAX, `An invitation names at most ${INVITATION_TEAMS_MAX} teams.`)
    .refine((ids) => ids.every(isUuid), "One of the chosen teams is not a team id. Choose the teams from the list.")
    .transform((ids) => [...new Set(ids)]),
);

/** Where to mail the invitation: an address, or nothing (the link is copied instead). */
const inviteeEmail = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value),
  z.email("Enter an email address, or leave it empty to copy the link.").max(254).optional(),
);

export const createInvitationSchema = z.object({ role, teamIds, email: inviteeEmail });
export const revokeInvitationSchema = z.object({ invitationId: z.uuid("Unknown invitation.") });
export const changeRoleSchema = z.object({ userId: z.uuid("Unknown member."), role });
export const removeMemberSchema = z.object({ userId: z.uuid("Unknown member.") });
export const acceptInvitationSchema = z.object({ token: z.string().min(16, "This invitation link is incomplete.").max(100) });
