import "server-only";
import type { Ctx } from "@/db/context";
import { listTeamActions } from "@/db/queries/improvement-actions";
import { getModelVersion } from "@/db/queries/model-versions";
import { latestTeamScores } from "@/db/queries/scores";
import { aimLabel, type ImprovementAction } from "@/lib/improvement-actions";
import { findTeam, requireIds } from "./find";

export type TeamActionsView = { teamName: string; actions: (ImprovementAction & { aim: string })[] };

/** Every improvement action of a team, across its cycles, each with what it aims at in words (as the newest model names it). */
export async function teamActionsView(ctx: Ctx, teamId: string): Promise<TeamActionsView> {
  requireIds(teamId);
  const [team, actions, [latest]] = await Promise.all([findTeam(ctx, teamId), listTeamActions(ctx, teamId), latestTeamScores(ctx, teamId, 1)]);
  const model = latest && (await getModelVersion(ctx.db, latest.modelVersionId));
  return { teamName: team.name, actions: actions.map((a) => ({ ...a, aim: model ? aimLabel(model, a) : a.areaId })) };
}
