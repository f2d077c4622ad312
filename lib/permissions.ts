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
  | "audit.read"
  | "assessments.edit" // start, answer and submit a team's assessments
  | "drafts.read" // see a team's unsubmitted assessments
  | "results.read"; // submitted results and trends

/** What the asker is to the team concerned, when a permission depends on it. */
export type Scope = { teamMember?: boolean };

const rules: Record<Permission, (role: Role, scope: Scope) => boolean> = {
  "teams.manage": (role) => role === "owner" || role === "admin",
  "members.manage": (role) => role === "owner" || role === "admin",
  "audit.read": (role) => role === "owner" || role === "admin",
  // Facilitators run assessments for any team; members only for the teams they belong to.
  "assessments.edit": (role, scope) =>
    role === "owner" || role === "admin" || role === "facilitator" || (role === "member" && scope.teamMember === true),
  // Drafts are never visible outside the team.
  "drafts.read": (role, scope) =>
    role === "owner" || role === "admin" || role === "facilitator" || (role === "member" && scope.teamMember === true),
  "results.read": () => true,
};

/** The one place that decides what a role may do. */
export function can(role: Role, permission: Permission, scope: Scope = {}): boolean {
  return rules[permission](role, scope);
}

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** Roles a member may hand out: nobody grants more than they hold, and only owners make owners. */
export function assignableRoles(role: Role): Role[] {
  if (role === "owner") return [...ROLES];
  if (role === "admin") return ROLES.filter((r) => r !== "owner");
  return [];
}
