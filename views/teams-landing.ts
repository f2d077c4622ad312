import "server-only";
import type { Ctx } from "@/db/context";
import { firstRunProgress } from "@/db/queries/first-run";
import { listTeamManagerNames } from "@/db/queries/members";
import { getModelVersion } from "@/db/queries/model-versions";
import { listTeamCards, type CardAssessment } from "@/db/queries/team-cards";
import { listTeams } from "@/db/queries/teams";
import { firstRunSteps, type FirstRunStep } from "@/lib/first-run";
import { landingOrder, landingPage, whoCanAddYou } from "@/lib/landing";
import { questionsOf, scaleBounds } from "@/lib/model/lookup";
import type { Model } from "@/lib/model/schema";
import { allows } from "@/lib/permissions";
import { teamCard, type CardScore, type TeamCard } from "@/lib/team-card";
import { TEAMS_PAGE_SIZE, teamsQuerySchema, type TeamsQuery } from "@/lib/validation/team";

export type TeamsLanding = {
  canManage: boolean;
  /** The link's search and page, or what is wrong with it. */
  query: { ok: true; value: TeamsQuery } | { ok: false; problem: string };
  /** Active teams in the organisation, and how many of them are the person's own. */
  activeTeams: number;
  ownTeams: number;
  /** The page of cards asked for, in landing order (own teams first). */
  cards: TeamCard[];
  found: number;
  paged: boolean;
  archived: { id: string; name: string }[];
  /** Owners and admins of a new organisation: its first steps, until all are done. */
  checklist?: FirstRunStep[];
  /** A member in no team: who can add them to one. */
  askToBeAdded?: string;
};

/**
 * Where a person lands: their teams first, each card with its latest water level, its direction and
 * what is waiting for it. The cards' data is read for the teams of this page only, in two statements.
 */
export async function teamsLandingView(ctx: Ctx, params: unknown, now = new Date()): Promise<TeamsLanding> {
  const parsed = teamsQuerySchema.safeParse(params);
  const teams = await listTeams(ctx, { includeArchived: true });
  const active = teams.filter((t) => !t.archivedAt);
  const own = landingOrder(active).filter((t) => t.mine);
  const page = parsed.success ? landingPage(active, parsed.data, TEAMS_PAGE_SIZE) : { rows: [], found: 0, paged: false };
  const canManage = allows(ctx.actor, "teams.manage");
  const [data, progress, managers] = await Promise.all([
    listTeamCards(
      ctx,
      page.rows.map((t) => t.id),
    ),
    canManage ? firstRunProgress(ctx) : undefined,
    ctx.actor.kind === "member" && ctx.actor.role === "member" && own.length === 0 ? listTeamManagerNames(ctx) : [],
  ]);
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
  const cards = page.rows.map((team) => {
    const { latest, previous, draft } = dataOf.get(team.id) ?? {};
    const latestModel = latest && models.get(latest.modelVersionId);
    const draftModel = draft && models.get(draft.modelVersionId);
    return teamCard({
      team,
      ...(latest && latestModel && { latest: cardScore(latest) }),
      ...(previous && { previous: cardScore(previous) }),
      scaleMax: latestModel ? scaleBounds(latestModel).max : 5,
      ...(draft && draftModel && { draft: { ...draft, questions: questionsOf(draftModel).length } }),
      canStart: allows(ctx.actor, "assessments.edit", { teamMember: team.mine }),
      now,
    });
  });
  const checklist = progress && firstRunSteps(progress, (own[0] ?? landingOrder(active)[0])?.id);
  const askToBeAdded = whoCanAddYou(managers);
  return {
    canManage,
    query: parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: parsed.error.issues.map((i) => i.message).join(" ") },
    activeTeams: active.length,
    ownTeams: own.length,
    cards,
    found: page.found,
    paged: page.paged,
    archived: teams.filter((t) => t.archivedAt).map(({ id, name }) => ({ id, name })),
    ...(checklist && { checklist }),
    ...(askToBeAdded && { askToBeAdded }),
  };
}

const cardScore = ({ submittedAt, waterLevel, weakest, areas }: CardAssessment): CardScore => ({ submittedAt, waterLevel, weakest, areas });
