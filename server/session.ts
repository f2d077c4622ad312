import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Db } from "@/db/client";
import type { Ctx } from "@/db/context";
import { findSession, type SessionRecord } from "@/db/queries/sessions";
import type { Membership, SignedInUser, Viewer } from "@/lib/viewer";
import { getAuth, sessionKeys } from "./auth";
import { verifiedSessionToken } from "./session-cookie";
import { startUp } from "./start-up";

/**
 * The session of this request, looked up once per request and on every request (so a revoked
 * session or a removed member is out at once): the cookie's signature is checked here, then one
 * statement reads the session, its user and every membership.
 */
const readSession = cache(async (): Promise<SessionRecord | undefined> => {
  const [handle, keys, jar] = await Promise.all([startUp(), sessionKeys(), cookies()]);
  const cookie = jar.get(keys.cookieName)?.value;
  const token = cookie ? verifiedSessionToken(cookie, keys.secret) : undefined;
  if (!token) return undefined;
  const session = await findSession(handle, token);
  if (!session || session.expiresAt.getTime() <= Date.now()) return undefined;
  // Once a day the library extends an active session (and its cookie); let it do that, its own way.
  const extendedAt = session.expiresAt.getTime() - keys.expiresInSeconds * 1000;
  if (extendedAt + keys.updateAgeSeconds * 1000 <= Date.now()) {
    await (await getAuth()).api.getSession({ headers: await headers() }).catch(() => undefined);
  }
  return session;
});

export type SignedIn = { user: SignedInUser; sessionId: string; memberships: Membership[] };

/** Whoever is signed in, whether or not they belong to an organisation yet. */
export const getSignedInUser = cache(async (): Promise<SignedIn | undefined> => {
  const session = await readSession();
  return session && { user: session.user, sessionId: session.sessionId, memberships: session.memberships };
});

/** The viewer: signed in and a member of the active organisation (or their newest one). */
export const getViewer = cache(async (): Promise<Viewer | undefined> => {
  const session = await readSession();
  if (!session) return undefined;
  const { memberships } = session;
  const active = memberships.find((m) => m.organisationId === session.activeOrganisationId) ?? memberships.at(-1);
  if (!active) return undefined;
  return {
    user: session.user,
    sessionId: session.sessionId,
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

/** The context a member's data functions take: their organisation, them as the actor, the database. */
export function memberContext(viewer: Viewer, db: Db): Ctx {
  return { organisationId: viewer.organisation.id, actor: { kind: "member", userId: viewer.user.id, role: viewer.role }, db };
}

/** For pages: the viewer (or the way in) and their context. */
export const requireMember = cache(async (): Promise<{ viewer: Viewer; ctx: Ctx }> => {
  const viewer = await requireViewer();
  const { db } = await startUp();
  return { viewer, ctx: memberContext(viewer, db) };
});
