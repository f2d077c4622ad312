import "server-only";
import type { Ctx } from "@/db/context";
import { getModelVersion } from "@/db/queries/model-versions";
import { listTeamCards, type CardAssessment } from "@/db/queries/team-cards";
import type { Cadence } from "@/lib/cadence";
import { questionsOf } from "@/lib/model/lookup";
import { scoreDigits, scoreRange } from "@/lib/model/scoring-rules";
import type { Model } from "@/lib/model/schema";
import { allows } from "@/lib/permissions";
import { teamCard, type CardScore, type TeamCard } from "@/lib/team-card";

type CardTeam = { id: string; name: string; mine: boolean; cadence: Cadence; resultsVisible: boolean };

/**
 * The cards of the given teams, in their order: each with its latest water level, its direction and
 * what is waiting for it, as the actor may see them. Two statements however many teams.
 */
export async function teamCardsOf(ctx: Ctx, teams: readonly CardTeam[], now: Date): Promise<TeamCard[]> {
  const data = await listTeamCards(
    ctx,
    teams.map((t) => t.id),
  );
  // Model versions never change, so each is read once per process and kept.
  const versionIds = new Set(data.flatMap((d) => [d.latest?.modelVersionId, d.draft?.modelVersionId]).filter((id) => id !== undefined));
  const models = new Map<string, Model>();
  await Promise.all(
    [...versionIds].map(async (id) => {
      const model = await getModelVersion(ctx.db, id);
      if (model) models.set(id, model);
    }),
  );
  const dataOf = new Map(data.map((d) => [d.teamId, d]));
  return teams.map((team) => {
    const { latest, previous, draft } = dataOf.get(team.id) ?? {};
    const latestModel = latest && models.get(latest.modelVersionId);
    const draftModel = draft && models.get(draft.modelVersionId);
    return teamCard({
      team,
      resultsPrivate: !team.resultsVisible,
      ...(latest && latestModel && { latest: cardScore(latest) }),
      ...(previous && { previous: cardScore(previous) }),
      scaleMax: latestModel ? scoreRange(latestModel).max : 5,
      ...(latestModel && { digits: scoreDigits(latestModel) }),
      ...(draft && draftModel && { draft: { ...draft, questions: questionsOf(draftModel).length } }),
      canStart: allows(ctx.actor, "assessments.edit", { teamMember: team.mine }),
      now,
    });
  });
}

const cardScore = ({ submittedAt, waterLevel, weakest, areas }: CardAssessment): CardScore => ({ submittedAt, waterLevel, weakest, areas });
