import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Membership } from "@/lib/viewer";
import type { Db, DbHandle } from "../client";
import { members, organisations, sessions, users } from "../schema";
import { asJson } from "../driver-values";

export type SessionRecord = {
  sessionId: string;
  expiresAt: Date;
  updatedAt: Date;
  activeOrganisationId: string | null;
  user: { id: string; name: string; email: string };
  /** Oldest membership first. */
  memberships: Membership[];
};

type Lookup = (token: string) => Promise<SessionRecord | undefined>;
const prepared = new WeakMap<Db, Lookup>();

// On the embedded database, lookups are kept until anything about access changes (see DbHandle).
const kept = new Map<string, { version: number; record: SessionRecord | undefined }>();
const KEPT_MAX = 10_000;

/**
 * The session a token belongs to, with its user and every membership: one statement for everything
 * a request needs to know who is asking, so a removed member is refused on their very next request.
 * On the embedded database the answer is kept until sessions, users, members or organisations change.
 */
export async function findSession(handle: DbHandle, token: string): Promise<SessionRecord | undefined> {
  const changes = handle.accessChanges;
  if (!changes) return lookupSession(handle, token);
  const hit = kept.get(token);
  if (hit && hit.version === changes.version) return hit.record;
  // The version from before the lookup: a change that lands meanwhile makes the kept answer stale at once.
  const version = changes.version;
  const record = await lookupSession(handle, token);
  if (kept.size >= KEPT_MAX) kept.delete(kept.keys().next().value!);
  kept.set(token, { version, record });
  return record;
}

/** Prepared once per database handle. */
function lookupSession({ db, namedStatements }: DbHandle, token: string): Promise<SessionRecord | undefined> {
  let lookup = prepared.get(db);
  if (!lookup) {
    const memberships = sql<Membership[]>`coalesce((
      select json_agg(json_build_object('organisationId', ${members.organisationId}, 'organisationName', ${organisations.name}, 'role', ${members.role}) order by ${members.createdAt})
      from ${members} join ${organisations} on ${organisations.id} = ${members.organisationId}
      where ${members.userId} = ${sessions.userId}), '[]'::json)`;
    const statement = db
      .select({
        sessionId: sessions.id,
        expiresAt: sessions.expiresAt,
        updatedAt: sessions.updatedAt,
        activeOrganisationId: sessions.activeOrganisationId,
        user: { id: users.id, name: users.name, email: users.email },
        memberships,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.token, sql.placeholder("token")))
      // An empty name is an unnamed statement: built once here, but parsed by the server each time.
      .prepare(namedStatements ? "stave_find_session" : "");
    lookup = async (t) => {
      const [row] = await statement.execute({ token: t });
      if (!row) return undefined;
      return { ...row, memberships: asJson<Membership[]>(row.memberships) };
    };
    prepared.set(db, lookup);
  }
  return lookup(token);
}
