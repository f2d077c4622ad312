import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { isRole, type Role } from "@/lib/permissions";
import { getDb } from "../client";
import { members, organisations, users } from "../schema";

export type Membership = { organisationId: string; organisationName: string; role: Role };

/** Every organisation a user belongs to, oldest membership first. */
export async function listMemberships(userId: string): Promise<Membership[]> {
  const db = await getDb();
  const rows = await db
    .select({ organisationId: members.organisationId, organisationName: organisations.name, role: members.role })
    .from(members)
    .innerJoin(organisations, eq(organisations.id, members.organisationId))
    .where(eq(members.userId, userId))
    .orderBy(asc(members.createdAt));
  return rows.flatMap((r) => (isRole(r.role) ? [{ ...r, role: r.role }] : []));
}

export type OrganisationMember = { userId: string; name: string; email: string; role: Role; joinedAt: Date };

export async function listMembers(organisationId: string): Promise<OrganisationMember[]> {
  const db = await getDb();
  const rows = await db
    .select({ userId: members.userId, name: users.name, email: users.email, role: members.role, joinedAt: members.createdAt })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.organisationId, organisationId))
    .orderBy(asc(users.name));
  return rows.flatMap((r) => (isRole(r.role) ? [{ ...r, role: r.role }] : []));
}

export async function getMemberRole(organisationId: string, userId: string): Promise<Role | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ role: members.role })
    .from(members)
    .where(and(eq(members.organisationId, organisationId), eq(members.userId, userId)));
  return row && isRole(row.role) ? row.role : undefined;
}
