import type { Role } from "./permissions";

/** A member of the organisation, as the members page and the team's "add a person" list show them. */
export type OrganisationMember = { userId: string; name: string; email: string; role: Role; joinedAt: Date };

/** Someone in a team. */
export type TeamMember = { userId: string; name: string; email: string };
