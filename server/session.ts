import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { listMemberships, type Membership } from "@/db/queries/members";
import type { Role } from "@/lib/permissions";
import { getAuth } from "./auth";
import { boot } from "./boot";

export type SignedInUser = { id: string; name: string; email: string };

/** Who is asking, in which organisation, with which role. Looked up on every request, so a removed member is out at once. */
export type Viewer = {
  user: SignedInUser;
  sessionId: string;
  organisation: { id: string; name: string };
  role: Role;
  memberships: Membership[];
};

export const getSignedInUser = cache(async (): Promise<{ user: SignedInUser; sessionId: string; activeOrganisationId: string | null } | undefined> => {
  await boot();
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return undefined;
  const { id, name, email } = session.user;
  return {
    user: { id, name, email },
    sessionId: session.session.id,
    activeOrganisationId: (session.session as { activeOrganizationId?: string | null }).activeOrganizationId ?? null,
  };
});

/** The viewer, or undefined when signed out or not yet in any organisation. */
export const getViewer = cache(async (): Promise<Viewer | undefined> => {
  const signedIn = await getSignedInUser();
  if (!signedIn) return undefined;
  const memberships = await listMemberships(signedIn.user.id);
  const active = memberships.find((m) => m.organisationId === signedIn.activeOrganisationId) ?? memberships.at(-1);
  if (!active) return undefined;
  return {
    user: signedIn.user,
    sessionId: signedIn.sessionId,
    organisation: { id: active.organisationId, name: active.organisationName },
    role: active.role,
    memberships,
  };
});

/** For pages: the viewer, or the way in (sign-in, or creating a first organisation). */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  if (await getSignedInUser()) redirect("/organisations/new");
  redirect("/sign-in");
}
