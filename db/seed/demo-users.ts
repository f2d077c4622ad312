import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { ROLES, type Role } from "@/lib/permissions";
import type { Db } from "../client";
import { accounts, members, teamMembers, users } from "../schema";

import { DEMO_PASSWORD } from "./demo-password";

export { DEMO_PASSWORD };

export type DemoSignIn = { role: Role; name: string; email: string };

const names: Record<Role, string> = {
  owner: "Olivia Owner",
  admin: "Adam Admin",
  facilitator: "Fatima Facilitator",
  member: "Marco Member",
  viewer: "Vera Viewer",
};

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** One account per role in the demo organisation; the member belongs to the first team. */
export async function seedDemoUsers(tx: Tx, organisationId: string, firstTeamId: string | undefined): Promise<DemoSignIn[]> {
  const password = await hashPassword(DEMO_PASSWORD);
  const suffix = organisationId.slice(0, 8);
  const people = ROLES.map((role) => ({ role, id: randomUUID(), name: names[role], email: `${role}.${suffix}@demo.example` }));
  await tx.insert(users).values(people.map(({ id, name, email }) => ({ id, name, email, emailVerified: true })));
  await tx
    .insert(accounts)
    .values(people.map(({ id }) => ({ id: randomUUID(), userId: id, accountId: id, providerId: "credential", password })));
  await tx.insert(members).values(people.map(({ id, role }) => ({ organisationId, userId: id, role })));
  const member = people.find((p) => p.role === "member");
  if (firstTeamId && member) await tx.insert(teamMembers).values({ teamId: firstTeamId, userId: member.id });
  return people.map(({ role, name, email }) => ({ role, name, email }));
}
