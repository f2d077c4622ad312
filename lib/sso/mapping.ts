import type { Role } from "@/lib/permissions";

/** Roles single sign-on may grant: never "owner", so a provider's groups can never make or unmake an owner. */
export const SSO_ROLES = ["admin", "facilitator", "member", "viewer"] as const satisfies readonly Role[];
export type SsoRole = (typeof SSO_ROLES)[number];

export const DEFAULT_GROUPS_CLAIM = "groups";
/** The name the auth library hands the groups claim over under, whatever the provider calls it. */
export const GROUPS_FIELD = "groups";
export const DEFAULT_SSO_ROLE: SsoRole = "member";

/** One row of "group value → role". */
export type GroupRole = { group: string; role: SsoRole };

/** The claim's values: a provider sends one group as a string, several as an array, or a space/comma list. */
export function groupsOf(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  const raw = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[\s,]+/) : [];
  return raw.filter((v): v is string => typeof v === "string" && v.length > 0);
}

const rank = (role: SsoRole) => SSO_ROLES.indexOf(role);

/**
 * The role the person's groups give: the most powerful of the mapped groups they are in, or the
 * default when none matches (someone in "stave-admins" and "staff" is an admin).
 */
export function roleForGroups(groups: readonly string[], mapping: readonly GroupRole[], fallback: SsoRole = DEFAULT_SSO_ROLE): SsoRole {
  const held = new Set(groups);
  const matched = mapping.filter((m) => held.has(m.group)).map((m) => m.role);
  if (matched.length === 0) return fallback;
  return matched.reduce((best, role) => (rank(role) < rank(best) ? role : best));
}

/**
 * What a sign-in does to an existing membership: an owner stays owner (single sign-on never takes an
 * organisation's owner away); everyone else's role follows the provider's groups at each sign-in.
 */
export function roleAfterSignIn(current: Role | undefined, mapped: SsoRole): Role {
  return current === "owner" ? "owner" : mapped;
}
