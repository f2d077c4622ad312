import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { asc, eq, like, sql } from "drizzle-orm";
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, type DemoSignIn } from "@/lib/demo";
import { ROLES, type Role } from "@/lib/permissions";
import type { Db, Tx } from "../client";
import { accounts, members, teamMembers, teams, users } from "../schema";

const names: Record<Role, string> = {
  owner: "Olivia Owner",
  admin: "Adam Admin",
  facilitator: "Fatima Facilitator",
  member: "Marco Member",
  viewer: "Vera Viewer",
};

/** One account per role in the demo organisation; the member belongs to the first team. */
export async function seedDemoUsers(tx: Tx, organisationId: string, firstTeam: { id: string; name: string } | undefined): Promise<DemoSignIn[]> {
  const password = await hashPassword(DEMO_PASSWORD);
  const suffix = organisationId.slice(0, 8);
  const people = ROLES.map((role) => ({ role, id: randomUUID(), name: names[role], email: `${role}.${suffix}@${DEMO_EMAIL_DOMAIN}` }));
  await tx.insert(users).values(people.map(({ id, name, email }) => ({ id, name, email, emailVerified: true })));
  await tx.insert(accounts).values(people.map(({ id }) => ({ id: randomUUID(), userId: id, accountId: id, providerId: "credential", password })));
  await tx.insert(members).values(people.map(({ id, role }) => ({ organisationId, userId: id, role })));
  const member = people.find((p) => p.role === "member");
  if (firstTeam && member) await tx.insert(teamMembers).values({ teamId: firstTeam.id, userId: member.id });
  return people.map(({ role, name, email }) => ({ role, name, email, team: role === "member" ? (firstTeam?.name ?? null) : null }));
}

/** The demo sign-ins of this installation's (first) demo organisation, if it has one: the sign-in page offers them. */
export async function listDemoSignIns(db: Db): Promise<DemoSignIn[]> {
  const team = sql<string | null>`(select ${teams.name} from ${teamMembers} join ${teams} on ${teams.id} = ${teamMembers.teamId}
    where ${teamMembers.userId} = ${users.id} and ${teams.organisationId} = ${members.organisationId} order by ${teams.name} limit 1)`;
  const rows = await db
    .select({ organisationId: members.organisationId, role: members.role, name: users.name, email: users.email, team })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(like(users.email, `%@${DEMO_EMAIL_DOMAIN}`))
    .orderBy(asc(members.createdAt));
  const first = rows[0]?.organisationId;
  return rows
    .filter((r) => r.organisationId === first)
    .map(({ role, name, email, team }) => ({ role, name, email, team }))
    .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
}
