import "server-only";
import { isTeamMember } from "@/db/queries/team-members";
import { AppError } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";
import type { Viewer } from "./session";

const refusals: Record<Permission, string> = {
  "teams.manage": "Only owners and admins can change teams.",
  "members.manage": "Only owners and admins can manage members and invitations.",
  "audit.read": "Only owners and admins can read the audit log.",
  "assessments.edit": "You can only answer assessments of the teams you belong to.",
  "drafts.read": "Unsubmitted assessments are visible only to the team.",
  "results.read": "You cannot read these results.",
};

/** Whether the viewer holds a permission, for a team when one is concerned. */
export async function allowed(viewer: Viewer, permission: Permission, teamId?: string): Promise<boolean> {
  if (can(viewer.role, permission)) return true;
  if (!teamId) return false;
  const teamMember = await isTeamMember(viewer.organisation.id, teamId, viewer.user.id);
  return can(viewer.role, permission, { teamMember });
}

/** The one authorisation check every server action makes before touching data. */
export async function authorize(viewer: Viewer, permission: Permission, teamId?: string): Promise<void> {
  if (!(await allowed(viewer, permission, teamId))) throw new AppError("forbidden", refusals[permission]);
}
