import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { AppError, notFound } from "@/lib/errors";
import { getDb } from "../client";
import { teams } from "../schema";
import { recordAudit } from "./audit";
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

export async function createTeam(organisationId: string, name: string, actorId: string | null = null): Promise<TeamSummary> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(teams).values({ organisationId, name }).returning(columns);
      await recordAudit(tx, organisationId, actorId, { action: "team.created", summary: `Created team “${name}”`, detail: { teamId: row!.id } });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

export async function renameTeam(organisationId: string, teamId: string, name: string, actorId: string | null = null): Promise<TeamSummary> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select({ name: teams.name })
        .from(teams)
        .where(and(eq(teams.organisationId, organisationId), eq(teams.id, teamId)))
        .for("update");
      if (!before) throw notFound("The team");
      const [row] = await tx.update(teams).set({ name }).where(eq(teams.id, teamId)).returning(columns);
      await recordAudit(tx, organisationId, actorId, {
        action: "team.renamed",
        summary: `Renamed team “${before.name}” to “${name}”`,
        detail: { teamId },
      });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

export async function setTeamArchived(
  organisationId: string,
  teamId: string,
  archived: boolean,
  actorId: string | null = null,
): Promise<TeamSummary> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(teams)
      .set({ archivedAt: archived ? new Date() : null })
      .where(and(eq(teams.organisationId, organisationId), eq(teams.id, teamId)))
      .returning(columns);
    if (!row) throw notFound("The team");
    await recordAudit(tx, organisationId, actorId, {
      action: archived ? "team.archived" : "team.restored",
      summary: `${archived ? "Archived" : "Restored"} team “${row.name}”`,
      detail: { teamId },
    });
    return row;
  });
}
