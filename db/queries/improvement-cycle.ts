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

const LEAD_ONLY = "Only the team's members, facilitators, admins and owners can change its targets, actions and notes.";
const ARCHIVED = "This team is archived: its targets, actions and notes are kept as they are. Restore the team to change them.";

/** Inside a write: refuses unless the actor leads this team, with the improvement cycle's own message. */
async function requireTeamLead(ctx: Ctx, teamId: string): Promise<void> {
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
 * changes to its plan, after checking the actor leads its team. The team is locked first (in share
 * mode, as the trend's notes lock it), so an archive or a removal cannot slip between check and
 * write. Another organisation's is not found.
 */
export async function lockSubmittedAssessment(ctx: Ctx, assessmentId: string): Promise<CycleAssessment> {
  const ofAssessment = and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.id, assessmentId));
  const [found] = await ctx.db.select({ teamId: assessments.teamId }).from(assessments).where(ofAssessment);
  if (!found) throw notFoundError("The assessment");
  const team = await lockTeam(ctx, found.teamId);
  const [row] = await ctx.db
    .select({ id: assessments.id, status: assessments.status, submittedAt: assessments.submittedAt, modelVersionId: assessments.modelVersionId })
    .from(assessments)
    .where(ofAssessment)
    .for("update");
  if (!row) throw notFoundError("The assessment");
  if (row.status !== "submitted") throw new AppError("invalid_input", "Targets and actions are agreed on a submitted assessment. Submit this one first.");
  const model = await getModelVersion(ctx.db, row.modelVersionId);
  if (!model) throw notFoundError("The assessment's model");
  return { id: row.id, teamId: found.teamId, teamName: team.name, submittedAt: row.submittedAt!, model };
}

/**
 * Inside a write: the team, locked in share mode so it is neither archived nor deleted under the
 * write, after checking the actor leads it; refused while it is archived. Another organisation's
 * is not found.
 */
export async function lockTeam(ctx: Ctx, teamId: string): Promise<{ name: string }> {
  const [team] = await ctx.db
    .select({ name: teams.name, archivedAt: teams.archivedAt })
    .from(teams)
    .where(and(eq(teams.organisationId, ctx.organisationId), eq(teams.id, teamId)))
    .for("share");
  if (!team) throw notFoundError("The team");
  await requireTeamLead(ctx, teamId);
  if (team.archivedAt) throw new AppError("read_only", ARCHIVED);
  return { name: team.name };
}
