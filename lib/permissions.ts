import type { Actor } from "./actor";

/** The roles a member can have in an organisation, most powerful first. */
export const ROLES = ["owner", "admin", "facilitator", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  facilitator: "Facilitator",
  member: "Member",
  viewer: "Viewer",
};

export type Permission =
  | "teams.manage" // create, rename, archive teams; set who belongs to them
  | "members.manage" // invite, change roles, remove members
  | "organisation.manage" // the organisation's name and logo on reports
  | "privacy.manage" // who sees each team's results, and how many teams a group needs
  | "sso.manage" // the organisation's single sign-on: its provider, domains and role mapping
  | "audit.read"
  | "mail.read" // the organisation's outgoing mail and whether it went out
  | "tokens.manage" // create and revoke the organisation's API tokens
  | "webhooks.manage" // the organisation's webhook endpoints and their deliveries
  | "models.publish" // publish the organisation's own maturity models
  | "assessments.edit" // start, answer and submit a team's assessments
  | "drafts.read" // see a team's unsubmitted assessments
  | "results.read"; // teams, submitted results and trends

/** What the asker is to the team concerned, when a permission depends on it. */
export type Scope = { teamMember?: boolean };

const rules: Record<Permission, (role: Role, scope: Scope) => boolean> = {
  "teams.manage": (role) => role === "owner" || role === "admin",
  "members.manage": (role) => role === "owner" || role === "admin",
  "organisation.manage": (role) => role === "owner" || role === "admin",
  "privacy.manage": (role) => role === "owner",
  "sso.manage": (role) => role === "owner",
  "audit.read": (role) => role === "owner" || role === "admin",
  "mail.read": (role) => role === "owner" || role === "admin",
  "tokens.manage": (role) => role === "owner" || role === "admin",
  "webhooks.manage": (role) => role === "owner" || role === "admin",
  "models.publish": (role) => role === "owner" || role === "admin",
  // Facilitators run assessments for any team; members only for the teams they belong to.
  "assessments.edit": (role, scope) => role === "owner" || role === "admin" || role === "facilitator" || (role === "member" && scope.teamMember === true),
  // Drafts are never visible outside the team.
  "drafts.read": (role, scope) => role === "owner" || role === "admin" || role === "facilitator" || (role === "member" && scope.teamMember === true),
  "results.read": () => true,
};

/** The role whose reading an API token has: never a team's member, so never a team's drafts. */
const TOKEN_ROLE: Role = "viewer";

/** The one place that decides what a role may do. */
export function can(role: Role, permission: Permission, scope: Scope = {}): boolean {
  return rules[permission](role, scope);
}

/**
 * What an actor may do. Stave itself may do anything; an API token reads what a viewer reads and
 * writes nothing; a workshop participant holds none of these (what they may do is bound to their
 * workshop).
 */
export function allows(actor: Actor, permission: Permission, scope: Scope = {}): boolean {
  switch (actor.kind) {
    case "system":
      return true;
    case "member":
      return can(actor.role, permission, scope);
    case "token":
      return can(TOKEN_ROLE, permission, { teamMember: false });
    case "participant":
      return false;
  }
}

/** Whether the answer depends on team membership: refused outside the team, allowed inside it. */
export function needsTeamMembership(actor: Actor, permission: Permission): boolean {
  return !allows(actor, permission, { teamMember: false }) && allows(actor, permission, { teamMember: true });
}

export const refusals: Record<Permission, string> = {
  "teams.manage": "Only owners and admins can change teams.",
  "members.manage": "Only owners and admins can manage members and invitations.",
  "organisation.manage": "Only owners and admins can change the organisation's name and logo.",
  "privacy.manage": "Only owners can change who sees the organisation's results.",
  "sso.manage": "Only owners can set up the organisation's single sign-on.",
  "audit.read": "Only owners and admins can read the audit log.",
  "mail.read": "Only owners and admins can read the organisation's outgoing mail.",
  "tokens.manage": "Only owners and admins can create and revoke API tokens.",
  "webhooks.manage": "Only owners and admins can manage webhooks.",
  "models.publish": "Only owners and admins can publish models.",
  "assessments.edit": "You can only answer assessments of the teams you belong to.",
  "drafts.read": "Unsubmitted assessments are visible only to the team.",
  "results.read": "You cannot read these results.",
};

/** Roles a member may hand out: nobody grants more than they hold, and only owners make owners. */
export function assignableRoles(role: Role): Role[] {
  if (role === "owner") return [...ROLES];
  if (role === "admin") return ROLES.filter((r) => r !== "owner");
  return [];
}
