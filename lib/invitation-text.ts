import { roleLabels, type Role } from "./permissions";
import { andList, withArticle } from "./words";

// How an invitation is put into words: on the invitation page, in the open invitations and in the
// audit log.

/** "the team Payments", "the teams Payments and Search" ("" for none); `quoted` puts each name in quotation marks, as the audit log does. */
export function teamsPhrase(names: readonly string[], { quoted = false } = {}): string {
  if (names.length === 0) return "";
  const shown = quoted ? names.map((n) => `“${n}”`) : names;
  return `the team${names.length === 1 ? "" : "s"} ${andList(shown)}`;
}

/** What the invitation page says: "You will join Acme as a member, in the teams Payments and Search." */
export function joinSentence(organisationName: string, role: Role, teams: readonly string[]): string {
  const inTeams = teams.length > 0 ? `, in ${teamsPhrase(teams)}` : "";
  return `You will join ${organisationName} as ${withArticle(roleLabels[role])}${inTeams}.`;
}

/** The audit log's words for creating an invitation: "for the role Member, joining the team “Payments”". */
export function createdSummary(role: Role, teams: readonly string[]): string {
  return `Created an invitation link for the role ${roleLabels[role]}${teams.length > 0 ? `, joining ${teamsPhrase(teams, { quoted: true })}` : ""}`;
}

/** The audit log's words for accepting one: "Joined by invitation as Member, in the team “Payments”". */
export function joinedSummary(role: Role, teams: readonly string[]): string {
  return `Joined by invitation as ${roleLabels[role]}${teams.length > 0 ? `, in ${teamsPhrase(teams, { quoted: true })}` : ""}`;
}
