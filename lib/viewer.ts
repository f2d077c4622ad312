import type { Role } from "./permissions";

export type SignedInUser = { id: string; name: string; email: string };
export type Membership = { organisationId: string; organisationName: string; role: Role };

/** Who is looking at a page, in which organisation, with which role. */
export type Viewer = {
  user: SignedInUser;
  sessionId: string;
  organisation: { id: string; name: string };
  role: Role;
  memberships: Membership[];
};
