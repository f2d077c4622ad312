import "server-only";
import { and, eq } from "drizzle-orm";
import { AppError, notFoundError } from "@/lib/errors";
import type { Model } from "@/lib/model/schema";
import type { Ctx } from "../context";
import { assessments, teams } from "../schema";
import { requireTeamPermission } from "./access";
import { getModelVersion } from "./model-versions";

// What targets, actions and trend notes share: only the team's lead (its members, facilitators,
// admins, owners) changes them, checked inside the write under the write's lock.

export const LEAD_ONLY = "Only the team's members, facilitators, admins and owners can change its targets, actions and notes.";
export const ARCHIVED = "This team is archived: its targets, actions and notes are kept as they are. Restore the team to change them.";

/** Inside a write: refuses unless the actor leads this team, with the improvement cycle's own message. */
export async function requireTeamLead(ctx: Ctx, teamId: string): Promise<void> {
  try {
    await requireTeamPermission(ctx, "assessments.edit", teamId);
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") throw new AppError("forbidden", LEAD_ONLY);
    throw error;
  }
}

export type CycleAssessment = { id: string; teamId: string; teamName: string; submittedAt: Date; model: Model };

/**
 * Inside a write: the submitted assessment a target or action is set on, locked against concurrent
 * changes to its plan, after checking the actor leads its team. Another organisation's is not found.
 */
export async function lockSubmittedAssessment(ctx: Ctx, assessmentId: string): Promise<CycleAssessment> {
  const [row] = await ctx.db
    .select({
      id: assessments.id,
      teamId: assessments.teamId,
      teamName: teams.name,
      archivedAt: teams.archivedAt,
      status: assessments.status,
      submittedAt: assessments.submittedAt,
      modelVersionId: assessments.modelVersionId,
    })
    .from(assessments)
    .innerJoin(teams, eq(teams.id, assessments.teamId))
    .where(and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.id, assessmentId)))
    .for("update", { of: assessments });
  if (!row) throw notFoundError("The assessment");
  await requireTeamLead(ctx, row.teamId);
  if (row.archivedAt) throw new AppError("read_only", ARCHIVED);
  if (row.status !== "submitted") throw new AppError("invalid_input", "Targets and actions are agreed on a submitted assessment. Submit this one first.");
  const model = await getModelVersion(ctx.db, row.modelVersionId);
  if (!model) throw notFoundError("The assessment's model");
  return { id: row.id, teamId: row.teamId, teamName: row.teamName, submittedAt: row.submittedAt!, model };
}
