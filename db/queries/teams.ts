import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { AppError, notFound } from "@/lib/errors";
import { getDb } from "../client";
import { teams } from "../schema";
import { isUniqueViolation } from "./pg-errors";

export type TeamSummary = { id: string; name: string; archivedAt: Date | null };

const columns = { id: teams.id, name: teams.name, archivedAt: teams.archivedAt };

export async function listTeams(organisationId: string, { includeArchived = false } = {}): Promise<TeamSummary[]> {
  const db = await getDb();
  return db
    .select(columns)
    .from(teams)
    .where(and(eq(teams.organisationId, organisationId), includeArchived ? undefined : isNull(teams.archivedAt)))
    .orderBy(sql`lower(${teams.name})`);
}

export async function getTeam(organisationId: string, teamId: string): Promise<TeamSummary | undefined> {
  const db = await getDb();
  const [row] = await db
    .select(columns)
    .from(teams)
    .where(and(eq(teams.organisationId, organisationId), eq(teams.id, teamId)));
  return row;
}

const nameTaken = (name: string) =>
  new AppError("conflict", `A team called “${name}” already exists (names are unique, archived teams included).`, {
    name: ["That name is already taken."],
  });

export async function createTeam(organisationId: string, name: string): Promise<TeamSummary> {
  const db = await getDb();
  try {
    const [row] = await db.insert(teams).values({ organisationId, name }).returning(columns);
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

export async function renameTeam(organisationId: string, teamId: string, name: string): Promise<TeamSummary> {
  const db = await getDb();
  try {
    const [row] = await db
      .update(teams)
      .set({ name })
      .where(and(eq(teams.organisationId, organisationId), eq(teams.id, teamId)))
      .returning(columns);
    if (!row) throw notFound("The team");
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

export async function setTeamArchived(organisationId: string, teamId: string, archived: boolean): Promise<TeamSummary> {
  const db = await getDb();
  const [row] = await db
    .update(teams)
    .set({ archivedAt: archived ? new Date() : null })
    .where(and(eq(teams.organisationId, organisationId), eq(teams.id, teamId)))
    .returning(columns);
  if (!row) throw notFound("The team");
  return row;
}

