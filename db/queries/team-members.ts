import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { AppError, notFound } from "@/lib/errors";
import { getDb } from "../client";
import { members, teamMembers, teams, users } from "../schema";

/** Whether a user belongs to a team of the organisation. */
export async function isTeamMember(organisationId: string, teamId: string, userId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teams.organisationId, organisationId), eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  return row !== undefined;
}

export type TeamMember = { userId: string; name: string; email: string };

export async function listTeamMembers(organisationId: string, teamId: string): Promise<TeamMember[]> {
  const db = await getDb();
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teams.organisationId, organisationId), eq(teamMembers.teamId, teamId)))
    .orderBy(asc(users.name));
}

/** Adds an organisation member to one of its teams. */
export async function addTeamMember(organisationId: string, teamId: string, userId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.organisationId, organisationId), eq(teams.id, teamId)));
    if (!team) throw notFound("The team");
    const [member] = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.organisationId, organisationId), eq(members.userId, userId)))
      // Held until the insert commits, so a concurrent removal cannot leave a non-member in the team.
      .for("share");
    if (!member) throw new AppError("invalid_input", "That person is not a member of this organisation.");
    await tx.insert(teamMembers).values({ teamId, userId }).onConflictDoNothing();
  });
}

export async function removeTeamMember(organisationId: string, teamId: string, userId: string): Promise<void> {
  const db = await getDb();
  const [team] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.organisationId, organisationId), eq(teams.id, teamId)));
  if (!team) throw notFound("The team");
  await db.delete(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
}
